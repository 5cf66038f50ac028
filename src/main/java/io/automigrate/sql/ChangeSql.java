package io.automigrate.sql;

import io.automigrate.diff.AlterProgrammableComment;
import io.automigrate.diff.AlterProgrammableGrants;
import io.automigrate.diff.Change;
import io.automigrate.diff.ChangeVisitor;
import io.automigrate.diff.RecreateOnRollback;
import io.automigrate.diff.PolicyChanges;
import io.automigrate.diff.RoutineChanges;
import io.automigrate.diff.TableChanges;
import io.automigrate.diff.RuleChanges;
import io.automigrate.diff.TriggerChanges;
import io.automigrate.diff.TypeChanges;
import io.automigrate.diff.ViewChanges;

import java.util.List;

/**
 * The plain (offline) statements of each kind of change, each rendered by its family's class ({@link TableSql},
 * {@link TypeSql}, {@link ViewSql}, {@link RoutineSql}, {@link TriggerSql}, {@link PolicySql},
 * {@link ProgrammableSql}). A {@link ChangeVisitor}, so a change kind without statements does not compile.
 */
public final class ChangeSql implements ChangeVisitor<List<Statement>> {
    private static final ChangeSql INSTANCE = new ChangeSql();

    private ChangeSql() {
    }

    /** The statements that apply {@code change}. */
    public static List<Statement> of(Change change) {
        return change.accept(INSTANCE);
    }

    @Override
    public List<Statement> visit(TableChanges.CreateSchema change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.DropSchema change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.CreateExtension change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.DropExtension change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterExtensionVersion change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.CreateSequence change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.DropSequence change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterSequence change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterSequenceOwner change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.CreateTable change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.DropTable change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.RenameTable change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterTableLogged change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterTableStorage change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterPartitionAttachment change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterKeyAttachment change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterIndexAttachments change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterTableInheritance change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterRowSecurity change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.RecreateTableRows change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterTableReplicaIdentity change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.CreateCollation change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.DropCollation change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.CreateColumn change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.DropColumn change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterColumnExpression change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.RenameColumn change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterColumnType change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterColumnDefault change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterColumnNotNull change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterColumnGeneration change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterColumnStorage change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterColumnIdentity change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.CreateConstraint change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.DropConstraint change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterConstraintValidation change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.CreateIndex change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.DropIndex change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.RenameConstraint change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.RenameIndex change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterComment change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TableChanges.AlterGrant change) {
        return TableSql.render(change);
    }

    @Override
    public List<Statement> visit(TypeChanges.CreateEnum change) {
        return TypeSql.render(change);
    }

    @Override
    public List<Statement> visit(TypeChanges.DropEnum change) {
        return TypeSql.render(change);
    }

    @Override
    public List<Statement> visit(TypeChanges.AlterEnumAddLabels change) {
        return TypeSql.render(change);
    }

    @Override
    public List<Statement> visit(TypeChanges.RecreateEnum change) {
        return TypeSql.render(change);
    }

    @Override
    public List<Statement> visit(TypeChanges.CreateComposite change) {
        return TypeSql.render(change);
    }

    @Override
    public List<Statement> visit(TypeChanges.DropComposite change) {
        return TypeSql.render(change);
    }

    @Override
    public List<Statement> visit(TypeChanges.AlterComposite change) {
        return TypeSql.render(change);
    }

    @Override
    public List<Statement> visit(TypeChanges.CreateDomain change) {
        return TypeSql.render(change);
    }

    @Override
    public List<Statement> visit(TypeChanges.DropDomain change) {
        return TypeSql.render(change);
    }

    @Override
    public List<Statement> visit(TypeChanges.AlterDomain change) {
        return TypeSql.render(change);
    }

    @Override
    public List<Statement> visit(TypeChanges.RecreateDomain change) {
        return TypeSql.render(change);
    }

    @Override
    public List<Statement> visit(ViewChanges.CreateView change) {
        return ViewSql.render(change);
    }

    @Override
    public List<Statement> visit(ViewChanges.DropView change) {
        return ViewSql.render(change);
    }

    @Override
    public List<Statement> visit(ViewChanges.ReplaceView change) {
        return ViewSql.render(change);
    }

    @Override
    public List<Statement> visit(ViewChanges.AlterViewOptions change) {
        return ViewSql.render(change);
    }

    @Override
    public List<Statement> visit(ViewChanges.RefreshMaterializedView change) {
        return ViewSql.render(change);
    }

    /** Nothing forward: only its inverse, in the rollback, runs SQL. */
    @Override
    public List<Statement> visit(RecreateOnRollback change) {
        return List.of();
    }

    @Override
    public List<Statement> visit(RoutineChanges.CreateRoutine change) {
        return RoutineSql.render(change);
    }

    @Override
    public List<Statement> visit(RoutineChanges.DropRoutine change) {
        return RoutineSql.render(change);
    }

    @Override
    public List<Statement> visit(RoutineChanges.ReplaceRoutine change) {
        return RoutineSql.render(change);
    }

    @Override
    public List<Statement> visit(RuleChanges.CreateRule change) {
        return RuleSql.render(change);
    }

    @Override
    public List<Statement> visit(RuleChanges.DropRule change) {
        return RuleSql.render(change);
    }

    @Override
    public List<Statement> visit(RuleChanges.AlterRuleEnabled change) {
        return RuleSql.render(change);
    }

    @Override
    public List<Statement> visit(TriggerChanges.CreateTrigger change) {
        return TriggerSql.render(change);
    }

    @Override
    public List<Statement> visit(TriggerChanges.DropTrigger change) {
        return TriggerSql.render(change);
    }

    @Override
    public List<Statement> visit(TriggerChanges.AlterTriggerEnabled change) {
        return TriggerSql.render(change);
    }

    @Override
    public List<Statement> visit(PolicyChanges.CreatePolicy change) {
        return PolicySql.render(change);
    }

    @Override
    public List<Statement> visit(PolicyChanges.DropPolicy change) {
        return PolicySql.render(change);
    }

    @Override
    public List<Statement> visit(PolicyChanges.AlterPolicy change) {
        return PolicySql.render(change);
    }

    @Override
    public List<Statement> visit(AlterProgrammableComment change) {
        return ProgrammableSql.render(change);
    }

    @Override
    public List<Statement> visit(AlterProgrammableGrants change) {
        return ProgrammableSql.render(change);
    }
}
