package io.automigrate.diff;

import io.automigrate.catalog.ObjectRef;

import java.util.Set;

/**
 * One typed step of a migration, as plain data: what it creates, drops or alters, with both the before and
 * the after state it needs, so that {@link #inverse()} is exact and {@code io.automigrate.sql} can render both
 * directions. Implementations are the records listed here; renderers dispatch on them with a {@link ChangeVisitor},
 * which the compiler checks is exhaustive.
 */
public sealed interface Change permits
        AlterProgrammableComment,
        AlterProgrammableGrants,
        PolicyChanges.CreatePolicy,
        PolicyChanges.DropPolicy,
        PolicyChanges.AlterPolicy,
        RoutineChanges.CreateRoutine,
        RoutineChanges.DropRoutine,
        RoutineChanges.ReplaceRoutine,
        TableChanges.CreateSchema,
        TableChanges.DropSchema,
        TableChanges.CreateExtension,
        TableChanges.DropExtension,
        TableChanges.AlterExtensionVersion,
        TableChanges.CreateCollation,
        TableChanges.DropCollation,
        TableChanges.CreateSequence,
        TableChanges.DropSequence,
        TableChanges.AlterSequence,
        TableChanges.AlterSequenceOwner,
        TableChanges.CreateTable,
        TableChanges.DropTable,
        TableChanges.RenameTable,
        TableChanges.AlterTableLogged,
        TableChanges.AlterTableStorage,
        TableChanges.AlterPartitionAttachment,
        TableChanges.AlterKeyAttachment,
        TableChanges.AlterIndexAttachments,
        TableChanges.RecreateTableRows,
        TableChanges.AlterTableInheritance,
        TableChanges.AlterRowSecurity,
        TableChanges.AlterTableReplicaIdentity,
        TableChanges.CreateColumn,
        TableChanges.DropColumn,
        TableChanges.AlterColumnExpression,
        TableChanges.RenameColumn,
        TableChanges.AlterColumnType,
        TableChanges.AlterColumnDefault,
        TableChanges.AlterColumnNotNull,
        TableChanges.AlterColumnStorage,
        TableChanges.AlterColumnGeneration,
        TableChanges.AlterColumnIdentity,
        TableChanges.CreateConstraint,
        TableChanges.DropConstraint,
        TableChanges.RenameConstraint,
        TableChanges.AlterConstraintValidation,
        TableChanges.CreateIndex,
        TableChanges.DropIndex,
        TableChanges.RenameIndex,
        TableChanges.AlterComment,
        TableChanges.AlterGrant,
        TriggerChanges.CreateTrigger,
        TriggerChanges.DropTrigger,
        TriggerChanges.AlterTriggerEnabled,
        RuleChanges.CreateRule,
        RuleChanges.DropRule,
        RuleChanges.AlterRuleEnabled,
        TypeChanges.CreateEnum,
        TypeChanges.DropEnum,
        TypeChanges.AlterEnumAddLabels,
        TypeChanges.RecreateEnum,
        TypeChanges.CreateComposite,
        TypeChanges.DropComposite,
        TypeChanges.AlterComposite,
        TypeChanges.CreateDomain,
        TypeChanges.DropDomain,
        TypeChanges.AlterDomain,
        TypeChanges.RecreateDomain,
        ViewChanges.CreateView,
        ViewChanges.DropView,
        ViewChanges.ReplaceView,
        ViewChanges.AlterViewOptions,
        ViewChanges.RefreshMaterializedView,
        RecreateOnRollback {
    /** The object this change creates, drops or alters. */
    ObjectRef target();

    ChangeAction action();

    /** The change that undoes this one: applied after it, the schema is as it was before. */
    Change inverse();

    /** One line for people, e.g. {@code add column public.users.email}. */
    String describe();

    /**
     * Objects whose dependants (views, defaults, indexes, triggers, ...) must be dropped before this change and
     * re-created after it. A drop invalidates what it drops; a column type change invalidates the column.
     */
    default Set<ObjectRef> invalidates() {
        return action() == ChangeAction.DROP ? Set.of(target()) : Set.of();
    }

    /**
     * Objects whose dependants only this change's inverse must move: the forward change leaves them alone (an
     * {@code ADD VALUE}), but the rollback cannot (it swaps the enum type). {@link SchemaDiffer} drops and re-creates
     * those dependants in the rollback only ({@link RecreateOnRollback}).
     */
    default Set<ObjectRef> invalidatesOnRollback() {
        return Set.of();
    }

    /** {@code visitor}'s method for this record's type. */
    <R> R accept(ChangeVisitor<R> visitor);
}
