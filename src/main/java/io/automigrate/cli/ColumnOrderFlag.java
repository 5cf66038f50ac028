package io.automigrate.cli;

import io.automigrate.config.ColumnOrder;
import io.automigrate.config.Config;
import picocli.CommandLine.Option;

/** {@code --[no-]rewrite-column-order}: over {@code column-order} in automigrate.yml. */
final class ColumnOrderFlag {
    @Option(names = "--rewrite-column-order", negatable = true, description = "Re-create, with its rows, a table "
            + "whose columns would otherwise stay in another order than the schema declares (a column added between "
            + "two others); --no-rewrite-column-order only notes it. Default: 'column-order' in automigrate.yml, "
            + "else keep (a note).")
    Boolean rewrite;

    Config resolve(Config config) {
        return rewrite == null ? config : config.withColumnOrder(rewrite ? ColumnOrder.REWRITE : ColumnOrder.KEEP);
    }
}
