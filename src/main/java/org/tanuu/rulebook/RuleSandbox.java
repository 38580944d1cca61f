package org.tanuu.rulebook;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.VoidType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.tanuu.facts.FactTypes;
import org.tanuu.facts.Vocabulary;

/**
 * A rule file is law, not code: this check refuses a rule book whose rules could do anything but read facts and
 * insert conclusions. DRL consequences and functions are Java compiled with the service's rights, and constraints are
 * MVEL that can call any Java; so everything a rule may say is checked against an allow-list, parsed by the DRL
 * parser (patterns, constraints) and by JavaParser (consequences, functions, the expressions inside constraints).
 * What is not on the list is refused with its place, never silently dropped.
 *
 * <p>Allowed: imports of {@code org.tanuu.facts} and a few {@code java.util} types; patterns over fact types;
 * constraints over the facts' accessors with operators and literals; {@code accumulate} with the built-in functions;
 * consequences that {@code insert}/{@code insertLogical} facts (constructors, or the facts' static factories, which
 * alone may receive {@code drools}), local collections, {@code if}; functions under the same list, calling no
 * function (so no recursion). No loops, so a rule's Java always ends; no modify, update or retract.
 *
 * <p>Along the way it collects what a rule book's soundness check needs: the question ids, parameter names and
 * layers (ruleflow groups) that rules name.
 */
final class RuleSandbox {
    /** A string a rule names, where it names it, and the rule's @id (null outside a rule). */
    record Reference(String file, int line, int column, String value, String rule) {
    }

    /** What one file says beyond its rules' logic: problems, and the names it uses. */
    record Report(List<RuleProblem> problems, List<Reference> questions, List<Reference> parameters,
                  List<Reference> questionLike) {
    }

    private static final Map<String, Class<?>> FACTS = FactTypes.ALL.stream()
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
    private static final Set<String> VALUE_TYPES = Set.of("String", "Integer", "Long", "Double", "Number", "Boolean",
            "Object", "LocalDate", "Collection", "List", "ArrayList", "Set", "TreeSet", "HashSet", "LinkedHashSet",
            "Map", "HashMap", "TreeMap", "LinkedHashMap");
    private static final Set<String> CONSTRUCTIBLE = Set.of("ArrayList", "TreeSet", "HashSet", "LinkedHashSet",
            "HashMap", "TreeMap", "LinkedHashMap");
    private static final Set<String> IMPORTS = Set.of("org.tanuu.facts.*", "java.util.List", "java.util.ArrayList",
            "java.util.Set", "java.util.TreeSet", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.Collection",
            "java.util.Map", "java.util.HashMap", "java.util.TreeMap", "java.util.LinkedHashMap", "java.time.LocalDate");
    /** Pure static functions, by {@code Type.name}. */
    private static final Set<String> STATIC_CALLS = Set.of("Math.min", "Math.max", "Math.abs", "List.of", "List.copyOf",
            "Set.of", "Set.copyOf", "Map.of");
    /**
     * Methods that read a value, on any value a rule can reach (facts, strings, numbers, collections, dates); and the
     * pure date arithmetic of LocalDate (a new date, the old one unchanged), for an age worked out from two dates.
     */
    private static final Set<String> READERS = Set.of("size", "isEmpty", "contains", "containsAll", "containsKey",
            "get", "getOrDefault", "indexOf", "equals", "compareTo", "intValue", "longValue", "doubleValue", "startsWith",
            "endsWith", "length", "isBefore", "isAfter", "isEqual", "getYear", "plusYears", "minusYears", "plusDays",
            "minusDays");
    /** Methods that change a collection: only on a local variable of the consequence or function. */
    private static final Set<String> WRITERS = Set.of("add", "addAll", "remove", "removeAll", "retainAll", "put", "clear");
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average",
            "collectSet", "collectList");
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=", "memberOf", "contains");
    private static final Set<String> ANNOTATIONS = Set.of("id", "title", "citation", "source", "todo");
    /** Rule attributes and whether their value must be a whole number, a boolean or a string literal. */
    private static final Set<String> STRING_ATTRIBUTES = Set.of("ruleflow-group", "date-effective", "date-expires",
            "activation-group", "dialect");
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "enabled");
    private static final String FACTORY_CONTEXT = "drools";

    /** Accessors of every fact, and the facts' static factories ({@code Finding.of}) by {@code Type.name}. */
    private static final Set<String> ACCESSORS = new HashSet<>();
    private static final Set<String> FACTORIES = new HashSet<>();

    static {
        for (Class<?> fact : FactTypes.ALL) {
            for (Method m : fact.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                    (Modifier.isStatic(m.getModifiers()) ? FACTORIES : ACCESSORS)
                            .add(Modifier.isStatic(m.getModifiers()) ? fact.getSimpleName() + "." + m.getName() : m.getName());
                }
            }
        }
        ACCESSORS.removeAll(Set.of("hashCode", "toString"));
    }

    private static final JavaParser JAVA = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    private final String file;
    private final String[] lines;
    private final Set<String> functions;
    private final List<RuleProblem> problems = new ArrayList<>();
    private final List<Reference> questions = new ArrayList<>();
    private final List<Reference> parameters = new ArrayList<>();
    private final List<Reference> questionLike = new ArrayList<>();
    /** The @id of the rule being checked, for the references it makes. */
    private String rule;

    private RuleSandbox(String file, String text, Set<String> functions) {
        this.file = file;
        this.lines = text.split("\n", -1);
        this.functions = functions;
    }

    /**
     * Checks one parsed DRL file ({@code text} as written, for positions). {@code functions} are the DRL functions of
     * the rule book, which its rules may call.
     */
    static Report check(String file, String text, PackageDescr pkg, Set<String> functions) {
        RuleSandbox sandbox = new RuleSandbox(file, text, functions);
        sandbox.checkPackage(pkg);
        return new Report(List.copyOf(sandbox.problems), sandbox.questions, sandbox.parameters, sandbox.questionLike);
    }

    private void checkPackage(PackageDescr pkg) {
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            boolean fact = target.startsWith("org.tanuu.facts.") && FACTS.containsKey(target.substring("org.tanuu.facts.".length()));
            if (!fact && !IMPORTS.contains(target)) {
                refuse(i, "a rule book may import only org.tanuu.facts.* and " + IMPORTS.stream().filter(t -> t.startsWith("java"))
                        .sorted().toList() + ", not " + target);
            }
        }
        pkg.getFunctionImports().forEach(i -> refuse(i, "a rule book may not import functions (" + i.getTarget() + ")"));
        pkg.getGlobals().forEach(g -> refuse(g, "a rule book may not declare globals (" + g.getIdentifier() + ")"));
        pkg.getTypeDeclarations().forEach(t -> refuse(t, "a rule book may not declare types (" + t.getTypeName()
                + "): facts are the classes of org.tanuu.facts"));
        pkg.getEnumDeclarations().forEach(t -> refuse(t, "a rule book may not declare enums (" + t.getTypeName() + ")"));
        pkg.getEntryPointDeclarations().forEach(t -> refuse(t, "a rule book may not declare entry points"));
        pkg.getWindowDeclarations().forEach(t -> refuse(t, "a rule book may not declare windows"));
        pkg.getAccumulateImports().forEach(t -> refuse(t, "a rule book may not import accumulate functions"));
        pkg.getAttributes().forEach(a -> checkAttribute(a, "the package"));
        Set<String> declaredAbove = new HashSet<>();
        for (FunctionDescr function : pkg.getFunctions()) {
            checkFunction(function, declaredAbove);
            declaredAbove.add(function.getName());
        }
        for (RuleDescr rule : pkg.getRules()) {
            checkRule(rule);
        }
    }

    // --- rules ---------------------------------------------------------------------------------------------------

    private void checkRule(RuleDescr rule) {
        String what = "rule \"" + rule.getName() + "\"";
        AnnotationDescr id = rule.getAnnotation("id");
        this.rule = id == null ? rule.getName() : String.valueOf(id.getSingleValueStripped());
        if (rule.isQuery()) {
            refuse(rule, "a rule book holds rules, not queries (" + rule.getName() + ")");
            return;
        }
        rule.getAttributes().values().forEach(a -> checkAttribute(a, what));
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            if (!ANNOTATIONS.contains(annotation.getName())) {
                refuse(annotation, what + ": unknown annotation @" + annotation.getName() + "; a rule takes " + ANNOTATIONS);
            }
            annotation.getValueMap().forEach((key, value) -> {
                if (!(literal(String.valueOf(value)) instanceof StringLiteralExpr)) {
                    refuse(annotation, what + ": @" + annotation.getName() + " must be a quoted text, not " + value);
                }
            });
        }
        Set<String> bindings = new LinkedHashSet<>();
        checkElement(rule.getLhs(), bindings);
        if (rule.getNamedConsequences() != null && !rule.getNamedConsequences().isEmpty()) {
            refuse(rule, what + ": named consequences are not allowed");
        }
        Object consequence = rule.getConsequence();
        if (consequence != null && !String.valueOf(consequence).isBlank()) {
            checkConsequence(String.valueOf(consequence), rule.getConsequenceLine(), bindings);
        }
    }

    private void checkAttribute(AttributeDescr attribute, String where) {
        String name = attribute.getName();
        String value = attribute.getValue();
        if (name.equals("salience")) {
            try {
                Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                refuse(attribute, where + ": salience must be a whole number, not " + value);
            }
        } else if (BOOLEAN_ATTRIBUTES.contains(name)) {
            if (!value.strip().equals("true") && !value.strip().equals("false")) {
                refuse(attribute, where + ": " + name + " must be true or false, not " + value);
            }
        } else if (!STRING_ATTRIBUTES.contains(name)) {
            refuse(attribute, where + ": the attribute " + name + " is not allowed; a rule may use salience, "
                    + STRING_ATTRIBUTES.stream().sorted().toList() + " and " + BOOLEAN_ATTRIBUTES.stream().sorted().toList());
        } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
            refuse(attribute, where + ": rules are written in the java dialect, not " + value);
        } else if (name.equals("ruleflow-group") && !Vocabulary.LAYERS.contains(value.replace("\"", ""))) {
            refuse(attribute, where + ": ruleflow-group \"" + value.replace("\"", "") + "\" is not a layer; the layers are "
                    + Vocabulary.LAYERS);
        }
    }

    /** A conditional element of a rule's when part: patterns, and, or, not, exists, forall, eval. */
    private void checkElement(BaseDescr element, Set<String> bindings) {
        if (element instanceof PatternDescr pattern) {
            checkPattern(pattern, bindings);
        } else if (element instanceof AndDescr || element instanceof OrDescr || element instanceof NotDescr
                || element instanceof ExistsDescr || element instanceof ForallDescr) {
            for (BaseDescr child : ((ConditionalElementDescr) element).getDescrs()) {
                checkElement((BaseDescr) child, bindings);
            }
        } else if (element instanceof EvalDescr eval) {
            checkExpression(String.valueOf(eval.getContent()), eval, null, bindings);
        } else if (element != null) {
            refuse(element, "this kind of condition is not allowed in a rule (" + element.getClass().getSimpleName() + ")");
        }
    }

    private void checkPattern(PatternDescr pattern, Set<String> bindings) {
        PatternSourceDescr source = pattern.getSource();
        Class<?> type = FACTS.get(pattern.getObjectType());
        if (source instanceof AccumulateDescr accumulate) {
            checkAccumulate(accumulate, bindings);
        } else if (source instanceof CollectDescr collect) {
            checkPattern(collect.getInputPattern(), bindings);
        } else if (source instanceof FromDescr from) {
            checkExpression(from.getDataSource().getText(), pattern, null, bindings); // a from has no position of its own
        } else if (source != null) {
            refuse(pattern, "a pattern may match facts, from an expression, accumulate or collect; not "
                    + source.getClass().getSimpleName());
        }
        if (type == null && source == null) {
            refuse(pattern, "unknown fact type " + pattern.getObjectType() + "; a rule matches "
                    + FACTS.keySet().stream().sorted().toList());
        }
        if (type == org.tanuu.facts.Combination.class) {
            parameters.add(reference(pattern, Parameters.COMBINATIONS)); // the combinations are a parameter's value
        }
        if (type == org.tanuu.facts.PresumptionCombination.class) {
            parameters.add(reference(pattern, Parameters.PRESUMPTION));
        }
        pattern.getAnnotations().forEach(a -> refuse(pattern, "a pattern takes no annotations (@" + a.getName() + ")"));
        if (pattern.getIdentifier() != null) {
            bindings.add(pattern.getIdentifier());
        }
        for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expr) {
                checkConstraint(expr, type, bindings);
            } else {
                refuse(constraint, "this kind of constraint is not allowed (" + constraint.getClass().getSimpleName() + ")");
            }
        }
    }

    private void checkAccumulate(AccumulateDescr accumulate, Set<String> bindings) {
        if (accumulate.getInitCode() != null || accumulate.getActionCode() != null || accumulate.getResultCode() != null
                || accumulate.getReverseCode() != null || !accumulate.isExternalFunction()) {
            refuse(accumulate, "accumulate may use only " + ACCUMULATE_FUNCTIONS.stream().sorted().toList()
                    + ", not code of its own");
            return;
        }
        checkElement(accumulate.getInput(), bindings);
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                refuse(accumulate, "accumulate may use only " + ACCUMULATE_FUNCTIONS.stream().sorted().toList() + ", not "
                        + function.getFunction());
            }
            for (String parameter : function.getParams()) {
                checkExpression(parameter, accumulate, null, bindings);
            }
            if (function.getBind() != null) {
                bindings.add(function.getBind());
            }
        }
    }

    /** One constraint of a pattern, parsed by the DRL expression parser: relations, bindings, atoms. */
    private void checkConstraint(ExprConstraintDescr constraint, Class<?> type, Set<String> bindings) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        ConstraintConnectiveDescr parsed = parser.parse(constraint.getExpression());
        if (parser.hasErrors() || parsed == null) {
            refuse(constraint, "cannot read the constraint " + constraint.getExpression());
            return;
        }
        checkConstraintPart(parsed, constraint, type, bindings);
    }

    private void checkConstraintPart(BaseDescr part, ExprConstraintDescr where, Class<?> type, Set<String> bindings) {
        if (part instanceof ConstraintConnectiveDescr connective) {
            connective.getDescrs().forEach(d -> checkConstraintPart(d, where, type, bindings));
        } else if (part instanceof RelationalExprDescr relation) {
            if (!OPERATORS.contains(relation.getOperator())) {
                refuse(where, "the operator " + relation.getOperator() + " is not allowed; a constraint may use " + OPERATORS);
            }
            checkConstraintPart(relation.getLeft(), where, type, bindings);
            checkConstraintPart(relation.getRight(), where, type, bindings);
            collectNames(relation, type, where);
        } else if (part instanceof BindingDescr binding) {
            checkExpression(binding.getExpression(), where, type, bindings);
            bindings.add(binding.getVariable());
        } else if (part instanceof AtomicExprDescr atom) {
            checkExpression(atom.getExpression(), where, type, bindings);
        } else {
            refuse(where, "cannot read the constraint " + where.getExpression());
        }
    }

    /** {@code question == "..."} names a question; {@code Parameter(name == "...")} names a parameter. */
    private void collectNames(RelationalExprDescr relation, Class<?> type, ExprConstraintDescr where) {
        if (!(relation.getLeft() instanceof AtomicExprDescr left) || !(relation.getRight() instanceof AtomicExprDescr right)
                || !(literal(right.getExpression()) instanceof StringLiteralExpr text)) {
            return;
        }
        String field = left.getExpression().strip();
        if (field.equals("question")) {
            questions.add(reference(where, text.asString()));
        } else if (type == org.tanuu.facts.Parameter.class && field.equals("name")) {
            parameters.add(reference(where, text.asString()));
        }
    }

    // --- functions and consequences (Java) ---------------------------------------------------------------------

    /** A function may call only the functions declared above it in its file: no recursion, so it always ends. */
    private void checkFunction(FunctionDescr function, Set<String> callable) {
        StringBuilder source = new StringBuilder(function.getReturnType()).append(' ').append(function.getName()).append('(');
        for (int i = 0; i < function.getParameterNames().size(); i++) {
            source.append(i == 0 ? "" : ", ").append(function.getParameterTypes().get(i)).append(' ')
                    .append(function.getParameterNames().get(i));
        }
        source.append(") {").append(function.getBody()).append('}');
        ParseResult<MethodDeclaration> parsed = JAVA.parseMethodDeclaration(source.toString());
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            refuse(function, "function " + function.getName() + " is not plain Java: " + firstProblem(parsed.getProblems()));
            return;
        }
        MethodDeclaration method = parsed.getResult().get();
        Position at = new Position(function.getLine(), 0, 1);
        checkType(method.getType(), at);
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            checkType(parameter.getType(), at);
            names.add(parameter.getNameAsString());
        }
        JavaCheck check = new JavaCheck(at, names, true);
        check.callable = callable;
        method.getBody().ifPresent(check::statement);
    }

    /**
     * A consequence: Java statements. The parser hands its text over from the line after {@code then}, without that
     * line's indentation.
     */
    private void checkConsequence(String code, int thenLine, Set<String> bindings) {
        int first = thenLine + 1;
        String firstLine = first - 1 < lines.length ? lines[first - 1] : "";
        Position at = new Position(first, firstLine.length() - firstLine.stripLeading().length(), 2);
        ParseResult<BlockStmt> parsed = JAVA.parseBlock("{\n" + code + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            problems.add(at.problem(file, 2, 1, "the consequence is not plain Java statements: " + firstProblem(parsed.getProblems())));
            return;
        }
        new JavaCheck(at, bindings, false).statement(parsed.getResult().get());
    }

    /** An expression inside a constraint, an eval, an accumulate or a from. */
    private void checkExpression(String code, BaseDescr where, Class<?> type, Set<String> bindings) {
        ParseResult<Expression> parsed = JAVA.parseExpression(code);
        Position at = new Position(where.getLine(), Math.max(where.getColumn(), 0), 1);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            refuse(where, "not an expression a rule may use: " + code.strip());
            return;
        }
        JavaCheck check = new JavaCheck(at, bindings, false);
        check.fieldsOf = type;
        check.inConstraint = true;
        check.expression(parsed.getResult().get());
    }

    /**
     * Where a piece of Java text starts in the DRL file (0-based column), and which line of the text JavaParser read
     * holds its first line: turns JavaParser's positions (1-based) into the file's.
     */
    private record Position(int line, int column, int firstJavaLine) {
        RuleProblem problem(String file, int javaLine, int javaColumn, String message) {
            return javaLine <= firstJavaLine ? new RuleProblem(file, line, column + javaColumn - 1, message)
                    : new RuleProblem(file, line + javaLine - firstJavaLine, javaColumn - 1, message);
        }
    }

    /** The allow-list over a JavaParser tree. */
    private final class JavaCheck {
        private final Position at;
        private final Set<String> names;
        private final boolean function;
        private final Set<String> locals = new HashSet<>();
        Class<?> fieldsOf;
        boolean inConstraint;
        /** The functions this code may call: every function of the rule book, or for a function those above it. */
        Set<String> callable = functions;

        JavaCheck(Position at, Set<String> names, boolean function) {
            this.at = at;
            this.names = names;
            this.function = function;
        }

        void refuseAt(Node node, String message) {
            int line = node.getBegin().map(p -> p.line).orElse(1);
            int column = node.getBegin().map(p -> p.column).orElse(1);
            problems.add(at.problem(file, line, column, message));
        }

        void statement(Statement statement) {
            if (statement instanceof BlockStmt block) {
                block.getStatements().forEach(this::statement);
            } else if (statement instanceof ExpressionStmt e) {
                expression(e.getExpression());
            } else if (statement instanceof IfStmt i) {
                expression(i.getCondition());
                statement(i.getThenStmt());
                i.getElseStmt().ifPresent(this::statement);
            } else if (statement instanceof ReturnStmt r && function) {
                r.getExpression().ifPresent(this::expression);
            } else if (!(statement instanceof EmptyStmt)) {
                refuseAt(statement, "a rule may not use " + describe(statement) + ": only declarations, insert and if");
            }
        }

        void expression(Expression e) {
            if (e instanceof StringLiteralExpr s) {
                RuleProblem place = at.problem(file, s.getBegin().map(p -> p.line).orElse(1), s.getBegin().map(p -> p.column).orElse(1), "");
                questionLike.add(new Reference(file, place.line(), place.column(), s.asString(), rule));
            } else if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr || e instanceof DoubleLiteralExpr
                    || e instanceof BooleanLiteralExpr || e instanceof NullLiteralExpr || e instanceof CharLiteralExpr) {
                // literals
            } else if (e instanceof NameExpr n) {
                name(n);
            } else if (e instanceof BinaryExpr b) {
                expression(b.getLeft());
                expression(b.getRight());
            } else if (e instanceof UnaryExpr u) {
                expression(u.getExpression());
            } else if (e instanceof EnclosedExpr en) {
                expression(en.getInner());
            } else if (e instanceof ConditionalExpr c) {
                expression(c.getCondition());
                expression(c.getThenExpr());
                expression(c.getElseExpr());
            } else if (e instanceof CastExpr c) {
                checkType(c.getType(), at);
                expression(c.getExpression());
            } else if (e instanceof VariableDeclarationExpr v && !inConstraint) {
                for (VariableDeclarator declarator : v.getVariables()) {
                    checkType(declarator.getType(), at);
                    declarator.getInitializer().ifPresent(this::expression);
                    locals.add(declarator.getNameAsString());
                }
            } else if (e instanceof AssignExpr a && !inConstraint && a.getTarget() instanceof NameExpr target
                    && locals.contains(target.getNameAsString())) {
                expression(a.getValue());
            } else if (e instanceof ObjectCreationExpr o) {
                creation(o);
            } else if (e instanceof MethodCallExpr m) {
                call(m);
            } else if (e instanceof FieldAccessExpr) {
                refuseAt(e, "a rule may not use " + e + ": it names no class or field, and reads facts through their accessors, x.name()");
            } else {
                refuseAt(e, "a rule may not use " + describe(e) + " (" + e + ")");
            }
        }

        /** A name: a binding, a local, a function's parameter, or (in a constraint) a field of the pattern's fact. */
        private void name(NameExpr n) {
            String name = n.getNameAsString();
            if (names.contains(name) || locals.contains(name)) {
                return;
            }
            if (inConstraint && fieldsOf != null && ACCESSORS.contains(name) && hasAccessor(fieldsOf, name)) {
                return;
            }
            if (name.equals(FACTORY_CONTEXT)) {
                refuseAt(n, "a rule may pass drools only to a fact's factory (" + FACTORIES.stream().sorted().toList() + ")");
            } else if (inConstraint && fieldsOf != null) {
                refuseAt(n, fieldsOf.getSimpleName() + " has no field " + name + "; it has "
                        + java.util.Arrays.stream(fieldsOf.getRecordComponents()).map(c -> c.getName()).toList());
            } else {
                refuseAt(n, "a rule may not use " + name + ": only its bindings, its own variables and the facts' fields");
            }
        }

        private void creation(ObjectCreationExpr o) {
            String type = o.getType().getNameAsString();
            if (o.getType().getScope().isPresent() || !(FACTS.containsKey(type) || CONSTRUCTIBLE.contains(type))) {
                refuseAt(o, "a rule may not create " + o.getType() + ": only facts and " + CONSTRUCTIBLE.stream().sorted().toList());
            } else if (o.getAnonymousClassBody().isPresent()) {
                refuseAt(o, "a rule may not declare a class");
            } else {
                o.getArguments().forEach(this::expression);
            }
        }

        private void call(MethodCallExpr m) {
            String name = m.getNameAsString();
            Expression scope = m.getScope().orElse(null);
            if (scope == null) {
                if ((name.equals("insert") || name.equals("insertLogical")) && !inConstraint && !function) {
                    m.getArguments().forEach(this::expression);
                } else if (Set.of("modify", "update", "retract", "delete").contains(name)) {
                    refuseAt(m, "a rule may not " + name + " a fact: it inserts the conclusion it draws (insertLogical), "
                            + "and facts never change");
                } else if (callable.contains(name)) {
                    m.getArguments().forEach(this::expression);
                } else {
                    refuseAt(m, "a rule may not call " + name + "(...)" + (function && functions.contains(name)
                            ? ": a function calls only the functions declared above it" : ""));
                }
                return;
            }
            if (scope instanceof NameExpr type && !names.contains(type.getNameAsString()) && !locals.contains(type.getNameAsString())) {
                String qualified = type.getNameAsString() + "." + name;
                if (STATIC_CALLS.contains(qualified)) {
                    m.getArguments().forEach(this::expression);
                } else if (FACTORIES.contains(qualified)) {
                    for (Expression argument : m.getArguments()) {
                        if (!(argument instanceof NameExpr n && n.getNameAsString().equals(FACTORY_CONTEXT))) {
                            expression(argument);
                        }
                    }
                } else {
                    refuseAt(m, "a rule may not call " + qualified + "(...)");
                }
                return;
            }
            int before = problems.size();
            expression(scope); // the innermost refusal is the telling one: $f.getClass(), not $f.getClass().getName()
            if (problems.size() > before) {
                return;
            }
            boolean local = scope instanceof NameExpr n && locals.contains(n.getNameAsString());
            if (!(ACCESSORS.contains(name) || READERS.contains(name) || (local && WRITERS.contains(name)))) {
                refuseAt(m, "a rule may not call " + scope + "." + name + "(...)" + (WRITERS.contains(name)
                        ? " on a value it did not create" : ": only the facts' accessors and " + READERS.stream().sorted().toList()));
                return;
            }
            m.getArguments().forEach(this::expression);
        }
    }

    private void checkType(Type type, Position at) {
        if (type instanceof PrimitiveType || type instanceof VarType || type instanceof VoidType) {
            return;
        }
        if (type instanceof ClassOrInterfaceType c && c.getScope().isEmpty()
                && (VALUE_TYPES.contains(c.getNameAsString()) || FACTS.containsKey(c.getNameAsString()))) {
            c.getTypeArguments().ifPresent(arguments -> arguments.forEach(a -> checkType(a, at)));
            return;
        }
        problems.add(new RuleProblem(file, at.line(), at.column(), "a rule may not use the type " + type
                + ": only facts and " + VALUE_TYPES.stream().sorted().toList()));
    }

    private static boolean hasAccessor(Class<?> type, String name) {
        try {
            type.getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Expression literal(String text) {
        ParseResult<Expression> parsed = JAVA.parseExpression(text.strip());
        return parsed.getResult().orElse(null);
    }

    private static String describe(Node node) {
        String kind = node.getClass().getSimpleName().replaceAll("(Stmt|Expr)$", "");
        return switch (kind) {
            case "While", "Do", "For", "ForEach" -> "a loop (" + kind.toLowerCase() + ")";
            case "Lambda" -> "a lambda";
            case "MethodReference" -> "a method reference";
            case "Class" -> "a class literal";
            default -> kind.toLowerCase();
        };
    }

    private static String firstProblem(List<Problem> problems) {
        return problems.isEmpty() ? "cannot parse" : problems.get(0).getMessage().lines().findFirst().orElse("");
    }

    private Reference reference(BaseDescr where, String value) {
        return new Reference(file, where.getLine(), Math.max(where.getColumn(), 0), value, rule);
    }

    private void refuse(BaseDescr where, String message) {
        problems.add(new RuleProblem(file, Math.max(where.getLine(), 0), Math.max(where.getColumn(), 0), message));
    }
}
