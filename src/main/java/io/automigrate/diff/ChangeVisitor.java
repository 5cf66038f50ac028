package io.automigrate.diff;

/**
 * One method per kind of {@link Change}. Every change record's {@code accept} calls the overload for its own type,
 * so a new record does not compile until this interface has its method, and no visitor compiles until it handles
 * it: the exhaustive dispatch that Java 17 (without pattern matching in {@code switch}) can check.
 */
public interface ChangeVisitor<R> {
    R visit(TableChanges.CreateSchema change);
    R visit(TableChanges.DropSchema change);
    R visit(TableChanges.CreateExtension change);
    R visit(TableChanges.DropExtension change);
    R visit(TableChanges.AlterExtensionVersion change);
    R visit(TableChanges.CreateCollation change);
    R visit(TableChanges.DropCollation change);
    R visit(TableChanges.CreateSequence change);
    R visit(TableChanges.DropSequence change);
    R visit(TableChanges.AlterSequence change);
    R visit(TableChanges.AlterSequenceOwner change);
    R visit(TableChanges.CreateTable change);
    R visit(TableChanges.DropTable change);
    R visit(TableChanges.RenameTable change);
    R visit(TableChanges.AlterTableLogged change);
    R visit(TableChanges.AlterTableStorage change);
    R visit(TableChanges.AlterPartitionAttachment change);

    R visit(TableChanges.AlterKeyAttachment change);

    R visit(TableChanges.AlterIndexAttachments change);
    R visit(TableChanges.RecreateTableRows change);
    R visit(TableChanges.AlterTableInheritance change);
    R visit(TableChanges.AlterRowSecurity change);
    R visit(TableChanges.AlterTableReplicaIdentity change);
    R visit(TableChanges.CreateColumn change);
    R visit(TableChanges.DropColumn change);
    R visit(TableChanges.AlterColumnExpression change);
    R visit(TableChanges.RenameColumn change);
    R visit(TableChanges.AlterColumnType change);
    R visit(TableChanges.AlterColumnDefault change);
    R visit(TableChanges.AlterColumnNotNull change);

    R visit(TableChanges.AlterColumnStorage change);

    R visit(TableChanges.AlterColumnGeneration change);
    R visit(TableChanges.AlterColumnIdentity change);
    R visit(TableChanges.CreateConstraint change);
    R visit(TableChanges.DropConstraint change);
    R visit(TableChanges.RenameConstraint change);

    R visit(TableChanges.AlterConstraintValidation change);
    R visit(TableChanges.CreateIndex change);
    R visit(TableChanges.DropIndex change);

    R visit(TableChanges.RenameIndex change);
    R visit(TableChanges.AlterComment change);
    R visit(TableChanges.AlterGrant change);

    R visit(TypeChanges.CreateEnum change);
    R visit(TypeChanges.DropEnum change);
    R visit(TypeChanges.AlterEnumAddLabels change);
    R visit(TypeChanges.RecreateEnum change);
    R visit(TypeChanges.CreateComposite change);
    R visit(TypeChanges.DropComposite change);
    R visit(TypeChanges.AlterComposite change);
    R visit(TypeChanges.CreateDomain change);
    R visit(TypeChanges.DropDomain change);
    R visit(TypeChanges.AlterDomain change);
    R visit(TypeChanges.RecreateDomain change);

    R visit(ViewChanges.CreateView change);
    R visit(ViewChanges.DropView change);
    R visit(ViewChanges.ReplaceView change);
    R visit(ViewChanges.AlterViewOptions change);
    R visit(ViewChanges.RefreshMaterializedView change);

    R visit(RoutineChanges.CreateRoutine change);
    R visit(RoutineChanges.DropRoutine change);
    R visit(RoutineChanges.ReplaceRoutine change);

    R visit(TriggerChanges.CreateTrigger change);
    R visit(TriggerChanges.DropTrigger change);
    R visit(TriggerChanges.AlterTriggerEnabled change);

    R visit(RuleChanges.CreateRule change);

    R visit(RuleChanges.DropRule change);

    R visit(RuleChanges.AlterRuleEnabled change);

    R visit(PolicyChanges.CreatePolicy change);
    R visit(PolicyChanges.DropPolicy change);
    R visit(PolicyChanges.AlterPolicy change);

    R visit(AlterProgrammableComment change);

    R visit(AlterProgrammableGrants change);
    R visit(RecreateOnRollback change);
}
