package io.automigrate.source.prisma;

import java.util.List;
import java.util.Optional;

/**
 * The syntax tree of a Prisma schema (PSL): blocks, their fields and properties, attributes and their arguments.
 * Every node knows where it stands, so that each error says {@code schema.prisma:LINE:COL}.
 */
public final class PrismaSyntax {
    private PrismaSyntax() {
    }

    /** A place in a schema file: the file as the user knows it, 1-based line and column. */
    public record Position(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    /** {@code model}, {@code enum}, {@code view}, {@code type}, {@code datasource} or {@code generator}. */
    public record Block(String keyword, String name, Position position, List<Field> fields,
                        List<Attribute> attributes, List<Property> properties) {
        public Block {
            fields = List.copyOf(fields);
            attributes = List.copyOf(attributes);
            properties = List.copyOf(properties);
        }

        public Optional<Attribute> attribute(String attributeName) {
            return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
        }

        public List<Attribute> attributes(String attributeName) {
            return attributes.stream().filter(a -> a.name().equals(attributeName)).toList();
        }

        public Optional<Property> property(String key) {
            return properties.stream().filter(p -> p.key().equals(key)).findFirst();
        }
    }

    /** {@code key = value} in a datasource or generator block. */
    public record Property(String key, Expr value, Position position) {
    }

    /**
     * A field of a model, view or type ({@code name Type? @attr}), or a value of an enum ({@code type} is null).
     * {@code type} is the type's name, or {@code Unsupported} with {@code unsupported} holding its text.
     */
    public record Field(String name, String type, String unsupported, boolean optional, boolean list,
                        List<Attribute> attributes, Position position, Position typePosition) {
        public Field {
            attributes = List.copyOf(attributes);
        }

        public Optional<Attribute> attribute(String attributeName) {
            return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
        }
    }

    /** {@code @name(args)} or {@code @@name(args)}; {@code name} is without the at signs ({@code db.VarChar}). */
    public record Attribute(String name, boolean blockLevel, List<Arg> args, Position position) {
        public Attribute {
            args = List.copyOf(args);
        }

        /** The argument named {@code key}, or the first unnamed one when {@code key} is null. */
        public Optional<Expr> arg(String key) {
            for (Arg a : args) {
                if (key == null ? a.name() == null : key.equals(a.name())) return Optional.of(a.value());
            }
            return Optional.empty();
        }

        /** The first unnamed argument, else the one named {@code key}: {@code @@index([a], map: "x")} or {@code fields: [a]}. */
        public Optional<Expr> positionalOr(String key) {
            Optional<Expr> positional = arg(null);
            return positional.isPresent() ? positional : arg(key);
        }

        public String display() {
            return (blockLevel ? "@@" : "@") + name;
        }
    }

    /** An argument: {@code name} is null for a positional one. */
    public record Arg(String name, Expr value, Position position) {
    }

    /** A value: a string, a number, a name (true, false, an enum value, a field), a call, or a list. */
    public sealed interface Expr {
        Position position();
    }

    public record Str(String value, Position position) implements Expr {
    }

    public record Num(String text, Position position) implements Expr {
    }

    public record Name(String name, Position position) implements Expr {
    }

    /** {@code now()}, {@code dbgenerated("...")}, {@code env("X")}, {@code title(ops: raw("..."))}. */
    public record Call(String name, List<Arg> args, Position position) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        public Optional<Expr> arg(String key) {
            for (Arg a : args) {
                if (key == null ? a.name() == null : key.equals(a.name())) return Optional.of(a.value());
            }
            return Optional.empty();
        }
    }

    public record ListExpr(List<Expr> items, Position position) implements Expr {
        public ListExpr {
            items = List.copyOf(items);
        }
    }
}
