package io.automigrate.sql;

import io.automigrate.sqltext.Sql;
import io.automigrate.catalog.View;
import io.automigrate.diff.Change;
import io.automigrate.diff.ProgrammableSubject;
import io.automigrate.diff.ViewChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.automigrate.sql.ProgrammableSql.commentIfAny;

/** Plain and materialized views. */
final class ViewSql {
    /** An option value that needs no quotes: {@code true}, {@code cascaded}, {@code 70}. */
    private static final Pattern BARE_VALUE = Pattern.compile("[A-Za-z0-9_.]+");

    private ViewSql() {
    }

    static List<Statement> render(ViewChanges.CreateView c) {
        return create(c.view());
    }

    static List<Statement> render(ViewChanges.DropView d) {
        return List.of(Statement.of("DROP " + keyword(d.view()) + " " + name(d.view()) + ";"));
    }

    static List<Statement> render(ViewChanges.ReplaceView r) {
        if (ViewChanges.keepsColumns(r.before(), r.after())) {
            return List.of(Statement.of("CREATE OR REPLACE VIEW " + name(r.after()) + with(r.after()) + " AS\n"
                    + query(r.after()) + ";"));
        }
        List<Statement> out = new ArrayList<>(render(new ViewChanges.DropView(r.before())));
        out.addAll(create(r.after()));
        return out;
    }

    static List<Statement> render(ViewChanges.AlterViewOptions a) {
        return alterOptions(a.before(), a.after());
    }

    static List<Statement> render(ViewChanges.RefreshMaterializedView r) {
        return List.of(Statement.of("REFRESH MATERIALIZED VIEW " + name(r.after())
                + (r.after().withData() ? "" : " WITH NO DATA") + ";"));
    }

    private static List<Statement> create(View view) {
        List<Statement> out = new ArrayList<>();
        out.add(Statement.of("CREATE " + keyword(view) + " " + name(view) + with(view) + " AS\n" + query(view)
                + (view.materialized() && !view.withData() ? "\nWITH NO DATA" : "") + ";"));
        ProgrammableSubject subject = ProgrammableSubject.of(view);
        commentIfAny(out, subject, view.ref(), "", view.comment());
        view.columns().forEach(c -> commentIfAny(out, ProgrammableSubject.VIEW_COLUMN, view.ref(), c.name(),
                c.comment()));
        out.addAll(ProgrammableSql.privileges(subject, view.ref(), List.of(), view.grants()));
        return out;
    }

    /** Resets the options that are gone, then sets those that are new or changed. */
    private static List<Statement> alterOptions(View before, View after) {
        String alter = "ALTER " + keyword(after) + " " + name(after);
        List<String> keys = after.options().stream().map(ViewSql::key).toList();
        List<String> reset = before.options().stream().map(ViewSql::key).filter(k -> !keys.contains(k)).toList();
        List<String> set = after.options().stream().filter(o -> !before.options().contains(o))
                .map(ViewSql::option).toList();
        List<Statement> out = new ArrayList<>();
        if (!reset.isEmpty()) {
            out.add(Statement.of(alter + " RESET (" + Sql.idents(reset) + ");"));
        }
        if (!set.isEmpty()) {
            out.add(Statement.of(alter + " SET (" + String.join(", ", set) + ");"));
        }
        return out;
    }

    private static String keyword(View view) {
        return view.materialized() ? "MATERIALIZED VIEW" : "VIEW";
    }

    private static String name(View view) {
        return Sql.qualified(view.qualifiedName());
    }

    private static String with(View view) {
        return view.options().isEmpty() ? ""
                : " WITH (" + view.options().stream().map(ViewSql::option).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code pg_get_viewdef} text without its leading blank and trailing semicolon. */
    private static String query(View view) {
        String query = view.definition().strip();
        while (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).stripTrailing();
        }
        return query;
    }

    private static String key(String option) {
        int eq = option.indexOf('=');
        return eq < 0 ? option : option.substring(0, eq);
    }

    /** A reloption {@code key=value} as SQL: the key an identifier, the value bare when safe, else a literal. */
    private static String option(String option) {
        int eq = option.indexOf('=');
        if (eq < 0) {
            return Sql.ident(option);
        }
        String value = option.substring(eq + 1);
        return Sql.ident(option.substring(0, eq)) + "="
                + (BARE_VALUE.matcher(value).matches() ? value : Sql.literal(value));
    }
}
