// Vectors and matrices in the language (issue 12): shapes, literals, transposes, indexing,
// shape errors, and the book's matrix-calculus identities and exercises against their
// closed forms evaluated independently with Eigen, on random sizes and values.
#include "curvature.h"
#include "derivatives.h"
#include "evaluation.h"
#include "graph.h"
#include "matrixcalculus.h"
#include "optimizers.h"

#include <Eigen/Dense>
#include <QTest>
#include <charconv>
#include <cmath>
#include <limits>
#include <random>
#include <string>

using Eigen::MatrixXd;
using Eigen::VectorXd;
using gs::Expression;

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

Expression parse(const std::string& text, std::vector<std::string> vars = {}) {
    auto r = Expression::parse(text, vars);
    if (!r.ok())
        qFatal("parse failed: %s at %zu", r.error->message.c_str(), r.error->offset);
    return *r.expression;
}

// A double as the language reads it back exactly (shortest round-trip form).
std::string number(double v) {
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, r.ptr);
}

// A matrix literal [[a, b], [c, d]] (a vector: [a, b, c], a column).
std::string literal(const MatrixXd& m) {
    std::string s = "[";
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
        if (i)
            s += ", ";
        if (m.cols() == 1) {
            s += number(m(i, 0));
            continue;
        }
        s += "[";
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            s += (j ? ", " : "") + number(m(i, j));
        s += "]";
    }
    return s + "]";
}

// Row-major flattening, the point's order.
VectorXd flat(const MatrixXd& m) {
    VectorXd v(m.size());
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            v[i * m.cols() + j] = m(i, j);
    return v;
}

// |a - b| <= k eps (|b|_max + 1) elementwise: the rounding of sums of a few hundred terms.
bool close(const MatrixXd& a, const MatrixXd& b, double k = 1024) {
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return false;
    const double scale = b.cwiseAbs().maxCoeff() + 1;
    return ((a - b).array().abs() <= k * kEps * scale).all();
}

MatrixXd random(std::mt19937_64& rng, int rows, int cols) {
    std::normal_distribution<double> normal;
    MatrixXd m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = normal(rng);
    return m;
}

} // namespace

class TestMatrix : public QObject {
    Q_OBJECT

private slots:
    void declarationsFlattenRowMajor() {
        const Expression f = parse("sum(V) + dot(x, x) + y", {"x[2]", "y", "V[2,3]"});
        const std::vector<std::string> names{"x[1]",   "x[2]",   "y",      "V[1,1]", "V[1,2]",
                                             "V[1,3]", "V[2,1]", "V[2,2]", "V[2,3]"};
        QCOMPARE(f.inputs(), names);
        const auto& d = f.declaredInputs();
        QCOMPARE(int(d.size()), 3);
        QCOMPARE(d[0].name, std::string("x"));
        QCOMPARE(d[0].rows, 2);
        QCOMPARE(d[0].cols, 1);
        QCOMPARE(d[0].dimensions, 1);
        QCOMPARE(int(d[1].first), 2);
        QCOMPARE(d[1].dimensions, 0);
        QCOMPARE(d[2].rows, 2);
        QCOMPARE(d[2].cols, 3);
        QCOMPARE(int(d[2].first), 3);
        // f = V11+...+V23 + x1^2 + x2^2 + y at (1, 2, 10, 1..6): 21 + 5 + 10 = 36
        VectorXd x(9);
        x << 1, 2, 10, 1, 2, 3, 4, 5, 6;
        QCOMPARE(gs::evaluate(f, x), 36.0);
        // Undeclared inputs stay scalars, alphabetically, as before.
        QCOMPARE(parse("b*a").inputs(), (std::vector<std::string>{"a", "b"}));
        QCOMPARE(int(parse("b*a").declaredInputs().size()), 2);
    }

    void splitVariableListKeepsShapes() {
        QCOMPARE(gs::splitVariableList("x[2], V[5,4] ,y"),
                 (std::vector<std::string>{"x[2]", "V[5,4]", "y"}));
        QCOMPARE(gs::splitVariableList("a,,b"), (std::vector<std::string>{"a", "", "b"}));
    }

    void valuesOfOperations_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("expected");
        // Each by hand.
        QTest::newRow("index one-based") << "A = [[1, 2], [3, 4]]; f = A[2, 1]" << 3.0;
        QTest::newRow("vector index") << "v = [5, 6, 7]; f = v[3]" << 7.0;
        QTest::newRow("transpose") << "A = [[1, 2], [3, 4]]; B = A'; f = B[1, 2]" << 3.0;
        QTest::newRow("row literal") << "r = [[1, 2, 3]]; f = r * [1, 10, 100]" << 321.0;
        QTest::newRow("row index") << "r = [[1, 2, 3]]; f = r[2] + r[1, 3]" << 5.0;
        QTest::newRow("quadratic form")
            << "A = [[2, 1], [1, 3]]; v = [1, 2]; f = v' * A * v" << 2.0 + 2 * 2 + 3 * 4;
        QTest::newRow("product") << "f = sum([[1, 2], [3, 4]] * [[5, 6], [7, 8]])"
                                 << 19.0 + 22 + 43 + 50;
        QTest::newRow("elementwise") << "f = sum([1, 2] .* [3, 4])" << 11.0;
        QTest::newRow("elementwise divide") << "f = sum([1, 2] ./ [4, 8])" << 0.5;
        QTest::newRow("elementwise power") << "f = sum([1, 2, 3] .^ 2)" << 14.0;
        QTest::newRow("scalar times") << "f = sum(2 * [1, 2] * 3)" << 18.0;
        QTest::newRow("divide by scalar") << "f = sum([2, 4] / 2)" << 3.0;
        QTest::newRow("plus minus") << "f = sum([1, 2] + [3, 4] - [1, 1])" << 8.0;
        QTest::newRow("negate") << "f = sum(-[1, 2])" << -3.0;
        QTest::newRow("dot") << "f = dot([1, 2, 3], [4, 5, 6])" << 32.0;
        QTest::newRow("dot row column") << "f = dot([[1, 2]], [3, 4])" << 11.0;
        QTest::newRow("norm vector") << "f = norm([3, 4])" << 5.0;
        QTest::newRow("norm Frobenius") << "f = norm([[1, 2], [2, 4]])" << 5.0;
        QTest::newRow("trace") << "f = trace([[1, 2], [3, 4]])" << 5.0;
        QTest::newRow("function entrywise") << "f = sum(exp([0, 0, 0]))" << 3.0;
        QTest::newRow("pow entrywise") << "f = sum(pow([1, 2], 3))" << 9.0;
        QTest::newRow("outer product") << "a = [1, 2]; f = sum(a * a')" << 9.0;
        QTest::newRow("index of product") << "f = ([[1, 2], [3, 4]] * [1, 1])[2]" << 7.0;
        QTest::newRow("constant index") << "f = [4, 5, 6][1 + 1]" << 5.0;
        QTest::newRow("line breaks in brackets") << "f = sum([[1, 2],\n [3, 4]])" << 10.0;
        QTest::newRow("one by one") << "f = [[7]]" << 7.0;
    }
    void valuesOfOperations() {
        QFETCH(QString, text);
        QFETCH(double, expected);
        const Expression f = parse(text.toStdString());
        QCOMPARE(gs::evaluate(f, VectorXd()), expected);
    }

    void inputsByIndexAndTranspose() {
        // f = x[1] * x[3] - V[2,1] + (V')[1,2]: the last two cancel (V' [1,2] is V[2,1])
        const Expression f = parse("f = x[1] * x[3] - V[2, 1] + 2 * V'[1, 2]", {"x[3]", "V[2,2]"});
        VectorXd p(7);
        p << 2, 5, 7, 1, 2, 3, 4;
        QCOMPARE(gs::evaluate(f, p), 2.0 * 7 - 3 + 2 * 3);
        const VectorXd g = gs::reverseGradient(f, p);
        VectorXd expected(7);
        expected << 7, 0, 2, 0, 0, 1, 0; // d/dx1 = x3, d/dx3 = x1, d/dV21 = -1 + 2
        QCOMPARE(g, expected);
    }

    void productAgainstEigen() {
        // Random sizes and values: sum((A * B) .* C) = sum of the entries of (AB) o C.
        std::mt19937_64 rng(7);
        std::uniform_int_distribution<int> size(1, 6);
        for (int trial = 0; trial < 20; ++trial) {
            const int m = size(rng), k = size(rng), n = size(rng);
            const MatrixXd a = random(rng, m, k), b = random(rng, k, n), c = random(rng, m, n);
            const Expression f = parse("A = " + literal(a) + "; B = " + literal(b) +
                                       "; C = " + literal(c) + "; f = sum((A * B) .* C)");
            const double expected = (a * b).cwiseProduct(c).sum();
            QVERIFY(std::abs(gs::evaluate(f, VectorXd()) - expected) <=
                    64 * kEps * ((a.cwiseAbs() * b.cwiseAbs()).cwiseProduct(c.cwiseAbs()).sum()));
        }
    }

    void shapeErrors_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("variables");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("offset");
        QTest::newRow("inner dimensions") << "A = [[1,2,3],[4,5,6]]; f = sum(A * A)"
                                          << ""
                                          << "(2x3) * (2x3): inner dimensions differ" << 33;
        QTest::newRow("plus shapes") << "f = sum([1, 2] + [1, 2, 3])"
                                     << ""
                                     << "(2x1) + (3x1): shapes differ" << 15;
        QTest::newRow("plus scalar") << "f = sum(x + 1)"
                                     << "x[2]"
                                     << "(2x1) + (1x1): shapes differ" << 10;
        QTest::newRow("elementwise shapes") << "f = sum([1, 2] .* [1, 2, 3])"
                                            << ""
                                            << "(2x1) .* (3x1): shapes differ" << 15;
        QTest::newRow("divide by vector") << "f = sum(x / x)"
                                          << "x[2]"
                                          << "(2x1) / (2x1): the divisor must be a scalar" << 10;
        QTest::newRow("matrix power") << "f = sum(x ^ 2)"
                                      << "x[2]"
                                      << "(2x1) ^ (1x1): powers of vectors and matrices" << 10;
        QTest::newRow("result not scalar")
            << "f = x * 2"
            << "x[3]"
            << "the function's result must be a scalar, got (3x1)" << 0;
        QTest::newRow("trace not square") << "f = trace([[1, 2, 3]])"
                                          << ""
                                          << "trace needs a square matrix, got (1x3)" << 4;
        QTest::newRow("dot lengths") << "f = dot([1, 2], [1, 2, 3])"
                                     << ""
                                     << "dot(2x1), (3x1): needs two vectors" << 4;
        QTest::newRow("index range")
            << "f = x[4]"
            << "x[3]"
            << "index 4 is out of range for (3x1): indices run from 1 to 3" << 6;
        // tester4 A5: W undeclared (taken as a scalar) made "x - A * W" a shape error.
        QTest::newRow("unknown name before a shape error")
            << "A = [[2, 1], [0, 3]]; f = sum(x - A * W)"
            << "x[2]"
            << "unknown symbol 'W'" << 38;
        QTest::newRow("index zero") << "f = x[0]"
                                    << "x[3]"
                                    << "index 0 is out of range" << 6;
        QTest::newRow("index fraction") << "f = x[1.5]"
                                        << "x[3]"
                                        << "index 1.5 is out of range" << 6;
        QTest::newRow("index of input") << "f = x[y]"
                                        << "x[3], y"
                                        << "an index must be a constant whole number" << 6;
        QTest::newRow("matrix one index")
            << "f = V[2]"
            << "V[2,2]"
            << "(2x2) is a matrix: index it with a row and a column" << 5;
        QTest::newRow("column range") << "f = V[1, 3]"
                                      << "V[2,2]"
                                      << "index 3 is out of range" << 9;
        QTest::newRow("scalar indexed")
            << "f = y[1]"
            << ""
            << "'y' is a scalar input: to index it, declare it as y[3]" << 4;
        QTest::newRow("ragged rows") << "f = sum([[1, 2], [3]])"
                                     << ""
                                     << "row 1 has 2 entries, row 2 has 1" << 17;
        QTest::newRow("matrix row") << "f = sum([[[1, 2], [3, 4]]])"
                                    << ""
                                    << "row 1 of this matrix is a matrix (2x2)" << 9;
        QTest::newRow("empty brackets") << "f = sum([])"
                                        << ""
                                        << "empty brackets" << 8;
        QTest::newRow("unclosed bracket") << "f = sum([1, 2)"
                                          << ""
                                          << "this ')' closes the '[' at column 9" << 13;
        QTest::newRow("bracket never closed")
            << "f = [1, 2"
            << ""
            << "unbalanced bracket: this '[' is never closed" << 4;
        QTest::newRow("stray bracket") << "f = 1]"
                                       << ""
                                       << "unbalanced bracket: this ']' has no matching '['" << 5;
        QTest::newRow("bad declaration") << "x"
                                         << "x[0]"
                                         << "is not a whole number of at least 1" << 0;
        QTest::newRow("three sizes") << "x"
                                     << "x[2,2,2]"
                                     << "more than two sizes" << 0;
        QTest::newRow("unclosed declaration") << "x"
                                              << "x[2"
                                              << "unclosed shape" << 0;
        QTest::newRow("too many elements") << "x"
                                           << "x[100000,100000]"
                                           << "at most 100000" << 0;
        QTest::newRow("sum arity") << "f = sum(x, x)"
                                   << "x[2]"
                                   << "sum takes 1 argument, got 2" << 4;
        QTest::newRow("sum as value") << "f = sum"
                                      << ""
                                      << "'sum' is a function: write sum(...)" << 4;
        QTest::newRow("assign to norm") << "norm = 1; f = x"
                                        << ""
                                        << "'norm' is a function" << 0;
    }
    void shapeErrors() {
        QFETCH(QString, text);
        QFETCH(QString, variables);
        QFETCH(QString, message);
        QFETCH(int, offset);
        std::vector<std::string> vars;
        if (!variables.isEmpty())
            vars = gs::splitVariableList(variables.toStdString());
        const auto r = Expression::parse(text.toStdString(), vars);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error->message).contains(message),
                 r.error->message.c_str());
        QCOMPARE(int(r.error->offset), offset);
    }

    void bookIdentities() {
        // d/dx b'x = b, d/dx x'b = b, d/dx x'Ax = (A + A')x, d/dV |X - UV|^2 = -2U'(X - UV),
        // d|v|/dv = v/|v|: the automatic gradient (reverse mode, and forward-mode jets where
        // the Hessian is computed) against the closed form evaluated with Eigen, and the
        // engine's closed-form check typed as the book writes it, on random sizes and values.
        std::mt19937_64 rng(12);
        std::uniform_int_distribution<int> size(1, 7);
        for (int trial = 0; trial < 10; ++trial) {
            const int n = size(rng), m = size(rng), k = size(rng), p = size(rng);
            const MatrixXd beta = random(rng, n, 1), A = random(rng, n, n);
            const VectorXd x = random(rng, n, 1);
            const MatrixXd X = random(rng, m, p), U = random(rng, m, k), V = random(rng, k, p);
            const std::string xs = "x[" + std::to_string(n) + "]";
            struct Case {
                std::string function, variable, closedForm;
                VectorXd point;
                MatrixXd expected;
            };
            const std::vector<Case> cases{
                {"b = " + literal(beta) + "; f = b' * x", xs, "b", x, beta},
                {"b = " + literal(beta) + "; f = x' * b", xs, "b", x, beta},
                {"A = " + literal(A) + "; f = x' * A * x", xs, "(A + A') * x", x,
                 (A + A.transpose()) * x},
                {"X = " + literal(X) + "; U = " + literal(U) + "; f = norm(X - U * V)^2",
                 "V[" + std::to_string(k) + "," + std::to_string(p) + "]", "-2 * U' * (X - U * V)",
                 flat(V), -2 * U.transpose() * (X - U * V)},
                {"f = norm(x)", xs, "x / norm(x)", x, x / x.norm()},
            };
            for (const Case& c : cases) {
                const Expression f = parse(c.function, {c.variable});
                const VectorXd g = gs::reverseGradient(f, c.point);
                QVERIFY2(close(g, flat(c.expected)), c.function.c_str());
                const gs::Derivatives d = gs::derivatives(f, c.point);
                if (d.hessianComputed)
                    QVERIFY2(close(d.gradient, flat(c.expected)), c.function.c_str());
                const auto check =
                    gs::checkGradient(f, c.closedForm, f.declaredInputs()[0].name, c.point, 20, 5);
                QVERIFY2(check.check.has_value(), check.error.c_str());
                QVERIFY2(check.check->agrees, check.check->summary.c_str());
                QVERIFY(close(check.check->automatic, c.expected));
            }
        }
    }

    void quadraticFormHessian() {
        // H of x'Ax is A + A' (jets; few inputs)
        const MatrixXd A = (MatrixXd(3, 3) << 1, 2, 3, 4, 5, 6, 7, 8, 10).finished();
        const Expression f = parse("A = " + literal(A) + "; f = x' * A * x", {"x[3]"});
        const gs::Derivatives d = gs::derivatives(f, VectorXd::Ones(3));
        QVERIFY(d.hessianComputed);
        QCOMPARE(d.hessian, MatrixXd(A + A.transpose()));
    }

    // A closed form that matches bit for bit says "exactly" (tester s17: "agrees to 0"); one
    // within rounding gives the largest difference.
    void agreementIsWorded() {
        const Expression linear = parse("b = [1, 2]; f = b' * x", {"x[2]"});
        const auto exact = gs::checkGradient(linear, "b", "x", VectorXd::Ones(2), 5, 1);
        QVERIFY(exact.check && exact.check->agrees);
        QCOMPARE(exact.check->maxAbsDifference, 0.0);
        QCOMPARE(exact.check->summary,
                 std::string("agrees exactly at the point and on 5 random draws"));
        const Expression norm = parse("f = norm(x)", {"x[3]"});
        const auto close = gs::checkGradient(norm, "x / norm(x)", "x", VectorXd::Ones(3), 5, 1);
        QVERIFY(close.check && close.check->agrees);
        QVERIFY2(close.check->maxAbsDifference > 0
                     ? close.check->summary.starts_with("agrees to ")
                     : close.check->summary.starts_with("agrees exactly"),
                 close.check->summary.c_str());
    }

    void wrongClosedFormIsCaught() {
        // A x is the gradient only for symmetric A: the check lists the differing entries.
        const Expression f = parse("A = [[2, 1], [0, 3]]; f = x' * A * x", {"x[2]"});
        const auto r = gs::checkGradient(f, "2 * A * x", "x", VectorXd::Ones(2), 20, 3);
        QVERIFY(r.check);
        QVERIFY(!r.check->agrees);
        QVERIFY(r.check->differingEntries > 0);
        // at (1, 1): automatic (A + A')x = [[4, 1], [1, 6]] (1, 1) = (5, 7), closed form 2Ax = (6,
        // 6)
        QCOMPARE(r.check->differences.front().draw, 0);
        QCOMPARE(r.check->automatic, (MatrixXd(2, 1) << 5, 7).finished());
        QCOMPARE(r.check->closedForm, (MatrixXd(2, 1) << 6, 6).finished());
        QVERIFY(QString::fromStdString(r.check->summary).startsWith(QStringLiteral("differs")));
    }

    void closedFormErrors_data() {
        QTest::addColumn<QString>("closedForm");
        QTest::addColumn<QString>("withRespectTo");
        QTest::addColumn<QString>("message");
        QTest::newRow("shape") << "A' * x'"
                               << "x"
                               << "the closed form: (2x2) * (1x2): inner dimensions";
        QTest::newRow("wrong shape") << "x'"
                                     << "x"
                                     << "the closed form is (1x2) but x is (2x1)";
        QTest::newRow("not an input") << "x"
                                      << "z"
                                      << "'z' is not an input (the inputs are x)";
        QTest::newRow("unknown name") << "B * x"
                                      << "x"
                                      << "unknown symbol 'B'";
        // tester4 A5: "-2 * U' * (X - U * W)" said "shapes differ" for the unknown W.
        QTest::newRow("unknown matrix name") << "A' * (x - A * W)"
                                             << "x"
                                             << "the closed form: unknown symbol 'W'";
    }
    void closedFormErrors() {
        QFETCH(QString, closedForm);
        QFETCH(QString, withRespectTo);
        QFETCH(QString, message);
        const Expression f = parse("A = [[2, 1], [0, 3]]; f = x' * A * x", {"x[2]"});
        const auto r = gs::checkGradient(f, closedForm.toStdString(), withRespectTo.toStdString(),
                                         VectorXd::Ones(2));
        QVERIFY(!r.check);
        QVERIFY2(QString::fromStdString(r.error).contains(message), r.error.c_str());
    }

    void closedFormParseErrorPointsIntoItsOwnText() {
        const Expression f = parse("A = [[2, 1], [0, 3]]; f = x' * A * x", {"x[2]"});
        const auto r = gs::checkGradient(f, "(A + A') *", "x", VectorXd::Ones(2));
        QVERIFY(r.parseError);
        QCOMPARE(int(r.parseError->offset), 9); // the '*' missing its operand
        QCOMPARE(r.parseError->column, 10);
    }

    void manyInputsUseReverseModeWithoutHessian() {
        // 5 x 40 = 200 scalar inputs > kMaxHessianInputs: no Hessian, the gradient by reverse
        // mode, equal to -2 U'(X - UV) flattened.
        std::mt19937_64 rng(3);
        const MatrixXd X = random(rng, 10, 40), U = random(rng, 10, 5), V = random(rng, 5, 40);
        const Expression f = parse(
            "X = " + literal(X) + "; U = " + literal(U) + "; f = norm(X - U * V)^2", {"V[5,40]"});
        QCOMPARE(int(f.inputCount()), 200);
        const auto why = gs::hessianNotComputed(f);
        QVERIFY(why);
        QCOMPARE(*why, std::string("not computed: 200 scalar inputs > 50"));
        const gs::Derivatives d = gs::derivatives(f, flat(V));
        QVERIFY(!d.hessianComputed);
        QCOMPARE(d.hessian.size(), Eigen::Index(0));
        QVERIFY(close(d.gradient, flat(-2 * U.transpose() * (X - U * V))));
        QCOMPARE(d.value, gs::evaluate(f, flat(V)));
    }

    void graphOfShapedStatements() {
        // r = x - [1, 2] is a vector statement: one graph node per entry, r[1] and r[2].
        const Expression f = parse("r = x - [1, 2]; f = dot(r, r)", {"x[2]"});
        const VectorXd p = (VectorXd(2) << 4, 6).finished();
        const gs::ComputationalGraph g = gs::buildGraph(f, p, gs::Granularity::Statements);
        QCOMPARE(g.granularity, gs::Granularity::Statements);
        QVERIFY(g.find("r[1]") >= 0);
        QVERIFY(g.find("r[2]") >= 0);
        QCOMPARE(g.nodes[std::size_t(g.find("r[2]"))].value, 4.0);
        QCOMPARE(g.gradient(), (VectorXd(2) << 6, 8).finished()); // 2 (x - (1, 2))
        const gs::ComputationalGraph ops = gs::buildGraph(f, p, gs::Granularity::Operations);
        QCOMPARE(ops.gradient(), (VectorXd(2) << 6, 8).finished());
    }

    // norm(A)^2 is differentiated as the sum of squares it is, not through sqrt: at an exact
    // fit (the factorization example's minimiser, residual 0) sqrt's derivative is 1/0, and the
    // Hessian came out "not differentiable" or, near it, inaccurate ("degenerate").
    void normSquaredIsExactAtAnExactFit() {
        const MatrixXd X = (MatrixXd(4, 3) << 1, 2, 0, 0, 1, -1, 1, 3, -1, 1, 1, 1).finished();
        const MatrixXd U = (MatrixXd(4, 2) << 1, 0, 0, 1, 1, 1, 1, -1).finished();
        const MatrixXd V = (MatrixXd(2, 3) << 1, 2, 0, 0, 1, -1).finished(); // X = U V exactly
        QCOMPARE(MatrixXd(U * V), X);
        const Expression f = parse(
            "X = " + literal(X) + "; U = " + literal(U) + "; f = norm(X - U * V)^2", {"V[2,3]"});
        const gs::Derivatives d = gs::derivatives(f, flat(V));
        QCOMPARE(d.value, 0.0);
        QCOMPARE(d.gradient, VectorXd(VectorXd::Zero(6)));
        QVERIFY(d.hessianComputed);
        // f = sum_ij (X - UV)_ij^2: d2f / dV_kj dV_lm = 2 delta_jm (U'U)_kl (row-major V).
        MatrixXd expected = MatrixXd::Zero(6, 6);
        const MatrixXd UtU = U.transpose() * U;
        for (int k = 0; k < 2; ++k)
            for (int l = 0; l < 2; ++l)
                for (int j = 0; j < 3; ++j)
                    expected(3 * k + j, 3 * l + j) = 2 * UtU(k, l);
        QCOMPARE(d.hessian, expected); // 6 I: small integers, exact
        const gs::CurvatureAnalysis c = gs::analyzeCurvature(d, flat(V));
        QVERIFY(c.critical);
        QCOMPARE(gs::toString(c.classification), std::string_view("minimum"));

        // Away from the fit: the same derivatives as the sum of squares written out.
        const MatrixXd V1 = (MatrixXd(2, 3) << -0.5, 0.5, 0.5, 0.5, -0.5, 0.5).finished();
        const Expression sum = parse(
            "X = " + literal(X) + "; U = " + literal(U) + "; f = sum((X - U * V).^2)", {"V[2,3]"});
        const gs::Derivatives a = gs::derivatives(f, flat(V1)), b = gs::derivatives(sum, flat(V1));
        QCOMPARE(a.value, b.value);
        QVERIFY(close(a.gradient, b.gradient, 4));
        QCOMPARE(a.hessian, expected); // a quadratic: H is constant

        // The rewrite is norm(.)^2 alone: a parameter exponent keeps sqrt (it may move), and
        // the output spans what was written.
        const Expression cubed = parse("f = norm(x)^3", {"x[2]"});
        QVERIFY(cubed.nodes()[std::size_t(cubed.output())].op == gs::Op::Pow);
        const auto withP = Expression::parse("f = norm(x)^p", {"x[2]"}, {{"p", 2.0}});
        QVERIFY(withP.ok());
        QCOMPARE(withP.expression->nodes()[std::size_t(withP.expression->output())].op,
                 gs::Op::Pow);
        const Expression squared = parse("f = 1 + norm(x)^2", {"x[2]"});
        const gs::Node& out =
            squared.nodes()[std::size_t(squared.nodes()[std::size_t(squared.output())].b)];
        QVERIFY(out.op == gs::Op::Add);
        QCOMPARE(squared.text().substr(out.offset, out.length), std::string("norm(x)^2"));
    }

    void adamFactorizationLowersTheLoss() {
        // X = U V0 exactly (rank 2); Adam on V from zero lowers |X - UV|^2 a hundredfold.
        std::mt19937_64 rng(9);
        const MatrixXd U = random(rng, 4, 2), V0 = random(rng, 2, 3);
        const MatrixXd X = U * V0;
        const Expression f = parse(
            "X = " + literal(X) + "; U = " + literal(U) + "; f = norm(X - U * V)^2", {"V[2,3]"});
        gs::OptimizerOptions o;
        o.method = gs::Method::Adam;
        o.learningRate = 0.05;
        o.maxSteps = 2000;
        const gs::Trajectory t = gs::optimize(f, VectorXd::Zero(6), o);
        const double first = t.steps.front().value, last = t.steps.back().value;
        QCOMPARE(first, X.squaredNorm()); // V = 0: |X|^2
        QVERIFY2(last < 1e-2 * first, qPrintable(QString::number(last)));
    }
};

QTEST_GUILESS_MAIN(TestMatrix)
#include "test_matrix.moc"
