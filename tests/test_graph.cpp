// The computational graph, its passes and the reverse-mode gradient, against the book's
// backpropagation example worked by hand, hand-derived partials, and forward mode.
#include "derivatives.h"
#include "evaluation.h"
#include "graph.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <random>

using Eigen::VectorXd;

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

gs::Expression parse(const std::string& text, std::vector<std::string> vars = {}) {
    auto r = gs::Expression::parse(text, vars);
    if (!r.ok())
        qFatal("parse failed: %s", r.error->message.c_str());
    return *r.expression;
}

// The book's example: f = (u+v)^2, u = (a+b)^2, v = (a-b)^2, a = (w+x+y+z)^2,
// b = (w+x-y-z)^2 at (w, x, y, z) = (-1, 0, -2, 1).
const char* const kBook = "a = (w+x+y+z)^2\n"
                          "b = (w+x-y-z)^2\n"
                          "u = (a+b)^2\n"
                          "v = (a-b)^2\n"
                          "f = (u+v)^2";

VectorXd bookPoint() {
    return Eigen::Vector4d(-1, 0, -2, 1);
}

// By hand: w+x+y+z = -2, a = 4; w+x-y-z = 0, b = 0; u = v = 16; f = 32^2 = 1024.
// df/du = df/dv = 2(u+v) = 64; du/da = du/db = 2(a+b) = 8; dv/da = 2(a-b) = 8, dv/db = -8;
// df/da = 64*8 + 64*8 = 1024, df/db = 64*8 - 64*8 = 0;
// da/dw = da/dx = da/dy = da/dz = 2(w+x+y+z) = -4, db/d(w,x,y,z) = 2*0*(+-1) = 0;
// df/dw = df/dx = df/dy = df/dz = 1024*(-4) = -4096.
struct Expected {
    const char* name;
    double value, adjoint;
};
constexpr Expected kBookStatements[] = {
    {"w", -1, -4096}, {"x", 0, -4096}, {"y", -2, -4096}, {"z", 1, -4096}, {"a", 4, 1024},
    {"b", 0, 0},      {"u", 16, 64},   {"v", 16, 64},    {"f", 1024, 1},
};
// The operation graph adds the sums: t1 = w+x, t2 = t1+y, t3 = t2+z (a = t3^2), t4 = w+x,
// t5 = t4-y, t6 = t5-z (b = t6^2), t7 = a+b, t8 = a-b, t9 = u+v; adjoints by the chain rule:
// t9: 2*32 = 64; t7 = 64*2*4 = 512, t8 = 64*2*4 = 512; a = 512 + 512, b = 512 - 512 = 0;
// t3 = t2 = t1 = 1024*2*(-2) = -4096; t6 = t5 = t4 = 0*2*0 = 0.
constexpr Expected kBookOperationsExtra[] = {
    {"t1", -1, -4096}, {"t2", -3, -4096}, {"t3", -2, -4096}, {"t4", -1, 0},  {"t5", 1, 0},
    {"t6", 0, 0},      {"t7", 4, 512},    {"t8", 4, 512},    {"t9", 32, 64},
};

double edgePartial(const gs::ComputationalGraph& g, const std::string& from,
                   const std::string& to) {
    const int f = g.find(from), t = g.find(to);
    for (const auto& e : g.edges)
        if (e.from == f && e.to == t)
            return e.localPartial;
    return std::nan("");
}

bool close(double a, double b, double scale, double k = 64) {
    return std::abs(a - b) <= k * kEps * (std::abs(b) + scale);
}

// A random expression over `names`, parenthesized, built only from functions defined
// everywhere (or guarded: log(1 + e^2), a / (2 + sin(b))), so forward mode is finite.
std::string randomExpression(std::mt19937& rng, int depth, const std::vector<std::string>& names) {
    std::uniform_int_distribution<int> kind(0, depth <= 0 ? 1 : 15);
    std::uniform_int_distribution<std::size_t> pick(0, names.size() - 1);
    const auto sub = [&] { return randomExpression(rng, depth - 1, names); };
    switch (kind(rng)) {
    case 0:
        return names[pick(rng)];
    case 1:
        return std::uniform_int_distribution<int>(0, 3)(rng) == 0 ? "0.75" : names[pick(rng)];
    case 2:
        return "(" + sub() + " + " + sub() + ")";
    case 3:
        return "(" + sub() + " - " + sub() + ")";
    case 4:
        return "(" + sub() + " * " + sub() + ")";
    case 5:
        return "(" + sub() + " / (2 + sin(" + sub() + ")))";
    case 6:
        return "sin(" + sub() + ")";
    case 7:
        return "exp(0.5*tanh(" + sub() + "))";
    case 8:
        return "log(1 + (" + sub() + ")^2)";
    case 9:
        return "(" + sub() + ")^3";
    case 10:
        return "sigmoid(" + sub() + ")";
    case 11:
        return "softplus(" + sub() + ")";
    case 12:
        return "atan(" + sub() + ")";
    case 13: // variable exponent on a positive base
        return "(1.5 + cos(" + sub() + "))^(" + sub() + ")";
    case 14:
        return "-(" + sub() + ")";
    default:
        return "sqrt(1 + (" + sub() + ")^2)";
    }
}

// Statements s1..sk over the inputs and the earlier statements, the last named f.
std::string randomProgram(std::mt19937& rng, int statements, std::vector<std::string> names) {
    std::string text;
    for (int s = 1; s <= statements; ++s) {
        std::string name = "f";
        if (s < statements)
            name = 's' + std::to_string(s);
        text += name;
        text += " = ";
        text += randomExpression(rng, 3, names);
        text += '\n';
        names.push_back(name);
    }
    return text;
}

std::string sumOfSquares(int n) {
    std::string text;
    for (int i = 1; i <= n; ++i)
        text += (i > 1 ? " + x" : "x") + std::to_string(i) + "^2";
    return text;
}

} // namespace

class TestGraph : public QObject {
    Q_OBJECT
private slots:
    void bookExample_data() {
        QTest::addColumn<int>("granularity");
        QTest::newRow("statements") << int(gs::Granularity::Statements);
        QTest::newRow("operations") << int(gs::Granularity::Operations);
    }

    void bookExample() {
        QFETCH(int, granularity);
        const auto g = gs::buildGraph(parse(kBook), bookPoint(), gs::Granularity(granularity));
        QCOMPARE(int(g.granularity), granularity);
        const bool ops = g.granularity == gs::Granularity::Operations;
        QCOMPARE(g.nodes.size(), std::size_t(ops ? 18 : 9));
        QCOMPARE(g.nodes[std::size_t(g.output)].name, std::string("f"));
        std::vector<Expected> expected(std::begin(kBookStatements), std::end(kBookStatements));
        if (ops)
            expected.insert(expected.end(), std::begin(kBookOperationsExtra),
                            std::end(kBookOperationsExtra));
        for (const Expected& e : expected) {
            const int k = g.find(e.name);
            QVERIFY2(k >= 0, e.name);
            QCOMPARE(g.nodes[std::size_t(k)].value, e.value);
            QCOMPARE(g.nodes[std::size_t(k)].adjoint, e.adjoint);
        }
        QCOMPARE(g.gradient(), VectorXd(Eigen::Vector4d::Constant(-4096)));
        // Local partials on the edges, by hand (see kBookStatements).
        if (ops) {
            QCOMPARE(edgePartial(g, "u", "t9"), 1.0);
            QCOMPARE(edgePartial(g, "t9", "f"), 64.0);
            QCOMPARE(edgePartial(g, "a", "t7"), 1.0);
            QCOMPARE(edgePartial(g, "b", "t8"), -1.0);
            QCOMPARE(edgePartial(g, "t7", "u"), 8.0);
            QCOMPARE(g.nodes[std::size_t(g.find("a"))].expression, std::string("t3^2"));
            QCOMPARE(g.nodes[std::size_t(g.find("t5"))].expression, std::string("t4 - y"));
        } else {
            QCOMPARE(edgePartial(g, "u", "f"), 64.0);
            QCOMPARE(edgePartial(g, "v", "f"), 64.0);
            QCOMPARE(edgePartial(g, "a", "u"), 8.0);
            QCOMPARE(edgePartial(g, "b", "u"), 8.0);
            QCOMPARE(edgePartial(g, "a", "v"), 8.0);
            QCOMPARE(edgePartial(g, "b", "v"), -8.0);
            for (const char* input : {"w", "x", "y", "z"}) {
                QCOMPARE(edgePartial(g, input, "a"), -4.0);
                QCOMPARE(edgePartial(g, input, "b"), 0.0);
            }
            QCOMPARE(g.nodes[std::size_t(g.find("a"))].expression, std::string("(w+x+y+z)^2"));
            QCOMPARE(g.nodes[std::size_t(g.find("u"))].parents,
                     std::vector<int>({g.find("a"), g.find("b")}));
        }
    }

    void bookSteps() {
        const auto g = gs::buildGraph(parse(kBook), bookPoint(), gs::Granularity::Statements);
        const auto forward = gs::forwardSteps(g);
        QCOMPARE(forward.size(), std::size_t(5));
        QCOMPARE(forward[0].node, g.find("a"));
        QCOMPARE(forward[0].terms, std::vector<double>({-1, 0, -2, 1}));
        QCOMPARE(forward[0].formula, std::string("a = (w+x+y+z)^2 = ((-1) + 0 + (-2) + 1)^2 = 4"));
        QCOMPARE(forward[4].formula, std::string("f = (u+v)^2 = (16 + 16)^2 = 1024"));

        const auto reverse = gs::reverseSteps(g);
        QCOMPARE(reverse.size(), g.nodes.size());
        QCOMPARE(reverse[0].node, g.output); // from the output back to the inputs
        QCOMPARE(reverse[0].formula, std::string("df/df = 1"));
        std::map<std::string, gs::GraphStep> byName;
        for (const auto& s : reverse) {
            QCOMPARE(s.result, g.nodes[std::size_t(s.node)].adjoint);
            byName[g.nodes[std::size_t(s.node)].name] = s;
        }
        // The accumulating nodes: a's two paths add, b's cancel.
        QCOMPARE(byName["a"].terms, std::vector<double>({512, 512}));
        QCOMPARE(byName["a"].formula,
                 std::string("df/da = df/du·∂u/∂a + df/dv·∂v/∂a = 64·8 + 64·8 = 512 + 512 = 1024"));
        QCOMPARE(byName["b"].terms, std::vector<double>({512, -512}));
        QCOMPARE(byName["b"].formula, std::string("df/db = df/du·∂u/∂b + df/dv·∂v/∂b = 64·8 + "
                                                  "64·(-8) = 512 - 512 = 0"));
        QCOMPARE(byName["u"].formula, std::string("df/du = df/df·∂f/∂u = 1·64 = 64"));
        QCOMPARE(byName["w"].edges.size(), std::size_t(2)); // w -> a, w -> b

        // Forward mode for w: da/dw = -4, db/dw = 0, du/dw = 8(-4) + 8*0 = -32,
        // dv/dw = 8(-4) - 8*0 = -32, df/dw = 64(-32) + 64(-32) = -4096.
        const auto tangent = gs::forwardTangents(g, 0);
        QCOMPARE(tangent[std::size_t(g.find("a"))], -4.0);
        QCOMPARE(tangent[std::size_t(g.find("b"))], 0.0);
        QCOMPARE(tangent[std::size_t(g.find("u"))], -32.0);
        QCOMPARE(tangent[std::size_t(g.find("v"))], -32.0);
        QCOMPARE(tangent[std::size_t(g.output)], -4096.0);
        const auto mode = gs::forwardModeSteps(g, 0);
        QCOMPARE(mode.size(), std::size_t(5));
        QCOMPARE(mode.back().formula, std::string("df/dw = ∂f/∂u·du/dw + ∂f/∂v·dv/dw = "
                                                  "64·(-32) + 64·(-32) = -2048 - 2048 = -4096"));
        // tester4 C4: totals (every path) are written d, local partials (one edge) ∂, so
        // df/dx and ∂f/∂x are never the same symbol; the brief formulas carry 6 digits.
        QCOMPARE(mode.back().briefFormula, mode.back().formula); // whole numbers: the same
        for (int i = 0; i < 4; ++i)
            QCOMPARE(gs::forwardTangents(g, i)[std::size_t(g.output)],
                     g.nodes[std::size_t(i)].adjoint);
    }

    void operationCounts_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("granularity");
        QTest::addColumn<int>("forward");
        QTest::addColumn<int>("reverse");
        QTest::addColumn<int>("inputs");
        // Statements: 5 nodes, 4 + 4 + 2 + 2 + 2 = 14 edges. Operations: 14 nodes and
        // 3 sums of 2 operands and a square per a and b (7 each), 2 + 1 per u, v, f (9).
        QTest::newRow("book statements") << kBook << 0 << 5 << 14 << 4;
        QTest::newRow("book operations") << kBook << 1 << 14 << 23 << 4;
        // sum of n squares: n squares and n - 1 sums; n + 2(n - 1) = 3n - 2 edges.
        for (int n : {10, 100, 1000})
            QTest::addRow("squares %d", n)
                << QString::fromStdString(sumOfSquares(n)) << 1 << 2 * n - 1 << 3 * n - 2 << n;
    }

    void operationCounts() {
        QFETCH(QString, text);
        QFETCH(int, granularity);
        QFETCH(int, forward);
        QFETCH(int, reverse);
        QFETCH(int, inputs);
        const auto f = parse(text.toStdString());
        const auto g =
            gs::buildGraph(f, VectorXd::Ones(Eigen::Index(inputs)), gs::Granularity(granularity));
        const auto c = gs::operationCounts(g);
        QCOMPARE(int(c.forward), forward);
        QCOMPARE(int(c.reverse), reverse);
        QCOMPARE(c.forwardModeOneInput, c.reverse);
        QCOMPARE(c.forwardModeAllInputs, std::size_t(inputs) * c.forwardModeOneInput);
        // On the operation graph the reverse pass is one multiply-add per edge, at most two
        // per evaluated operation, however many inputs there are.
        if (g.granularity == gs::Granularity::Operations)
            QVERIFY(c.reverse <= 2 * c.forward);
        // The counts are what the steps do.
        std::size_t terms = 0;
        for (const auto& s : gs::reverseSteps(g))
            terms += s.terms.size();
        QCOMPARE(terms, c.reverse);
        QCOMPARE(gs::forwardSteps(g).size(), c.forward);
    }

    void reusedNode_data() {
        QTest::addColumn<int>("granularity");
        QTest::newRow("statements") << int(gs::Granularity::Statements);
        QTest::newRow("operations") << int(gs::Granularity::Operations);
    }

    void reusedNode() {
        // f = (2xy)^2 = 4x^2y^2: df/dx = 8xy^2 = 96, df/dy = 8x^2y = 144 at (3, 2);
        // df/db = 2b = 24, db/da = 2 (a used twice), df/da = 48.
        QFETCH(int, granularity);
        const auto g = gs::buildGraph(parse("a = x*y; b = a + a; f = b^2"), Eigen::Vector2d(3, 2),
                                      gs::Granularity(granularity));
        QCOMPARE(g.nodes[std::size_t(g.find("b"))].value, 12.0);
        QCOMPARE(g.nodes[std::size_t(g.find("b"))].parents, std::vector<int>({g.find("a")}));
        QCOMPARE(edgePartial(g, "a", "b"), 2.0);
        QCOMPARE(g.nodes[std::size_t(g.find("b"))].adjoint, 24.0);
        QCOMPARE(g.nodes[std::size_t(g.find("a"))].adjoint, 48.0);
        QCOMPARE(g.gradient(), VectorXd(Eigen::Vector2d(96, 144)));
        const auto paths = gs::enumeratePaths(g, g.find("a"));
        QCOMPARE(paths.paths.size(), std::size_t(1)); // one edge a -> b carrying both uses
        QCOMPARE(paths.sum, 48.0);
        // x*x: one edge whose partial counts both factors, 2x.
        const auto sq = gs::buildGraph(parse("f = x*x + 1; g = f"), VectorXd::Constant(1, 1.5),
                                       gs::Granularity(granularity));
        QCOMPARE(edgePartial(sq, "x", granularity ? "t1" : "f"), 3.0);
        QCOMPARE(sq.gradient()[0], 3.0);
    }

    void nodeWithTwoParentsAndTwoChildren() {
        // a = x + y feeds u = a x and v = sin a; x feeds a and u. By hand:
        // df/da = x + cos a, df/dx = a + x + cos a, df/dy = x + cos a.
        const double x = 0.5, y = 0.25, a = x + y;
        const auto f = parse("a = x + y; u = a*x; v = sin(a); f = u + v");
        for (auto gran : {gs::Granularity::Statements, gs::Granularity::Operations}) {
            const auto g = gs::buildGraph(f, Eigen::Vector2d(x, y), gran);
            const auto& node = g.nodes[std::size_t(g.find("u"))];
            QCOMPARE(node.parents, std::vector<int>({g.find("x"), g.find("a")}));
            QCOMPARE(g.nodes[std::size_t(g.find("a"))].outEdges.size(), std::size_t(2));
            QVERIFY(close(g.nodes[std::size_t(g.find("a"))].adjoint, x + std::cos(a), 1));
            QVERIFY(close(g.gradient()[0], a + x + std::cos(a), 1));
            QVERIFY(close(g.gradient()[1], x + std::cos(a), 1));
            // two paths from x: x -> u -> f and x -> a -> {u, v} -> f: three in all
            const auto p = gs::enumeratePaths(g, g.find("x"));
            QCOMPARE(p.paths.size(), std::size_t(3));
            QCOMPARE(p.count, std::uint64_t(3));
            QVERIFY(close(p.sum, a + x + std::cos(a), 1));
        }
    }

    void sumOverPathsIsTheAdjoint() {
        const auto f = parse(kBook);
        for (auto gran : {gs::Granularity::Statements, gs::Granularity::Operations}) {
            const auto g = gs::buildGraph(f, bookPoint(), gran);
            for (std::size_t k = 0; k < g.nodes.size(); ++k) {
                const auto p = gs::enumeratePaths(g, int(k));
                QVERIFY(!p.truncated);
                QCOMPARE(p.count, std::uint64_t(p.paths.size()));
                QCOMPARE(p.sum, g.nodes[k].adjoint); // exact: small integers
                for (const auto& path : p.paths) {
                    QCOMPARE(path.nodes.front(), int(k));
                    QCOMPARE(path.nodes.back(), g.output);
                    QCOMPARE(path.edges.size() + 1, path.nodes.size());
                }
            }
            // From w: w -> {a, b} -> {u, v} -> f, four paths; through a: -4*8*64 = -2048 twice,
            // through b: 0.
            if (gran == gs::Granularity::Statements) {
                const auto p = gs::enumeratePaths(g, g.find("w"));
                QCOMPARE(p.paths.size(), std::size_t(4));
                QCOMPARE(p.paths[0].product, -2048.0);
                QCOMPARE(p.paths[1].product, -2048.0);
                QCOMPARE(p.paths[2].product, 0.0);
                QCOMPARE(p.paths[3].product, 0.0);
            }
        }
        // Random programs: the sum over paths equals the adjoint up to rounding.
        std::mt19937 rng(7);
        const std::vector<std::string> inputs{"x", "y", "z"};
        for (int trial = 0; trial < 20; ++trial) {
            const auto g =
                gs::buildGraph(parse(randomProgram(rng, 4, inputs)),
                               Eigen::Vector3d(0.3, -0.7, 1.1), gs::Granularity::Statements);
            for (int i = 0; i < 3; ++i) {
                const auto p = gs::enumeratePaths(g, i);
                double scale = 0;
                for (const auto& path : p.paths)
                    scale += std::abs(path.product);
                QVERIFY(close(p.sum, g.nodes[std::size_t(i)].adjoint, scale, 256));
            }
        }
    }

    void pathsAreCapped() {
        // a_k = a_(k-1) + b_(k-1), b_k = a_(k-1) - b_(k-1): every level doubles the paths from
        // x, 2^levels in all.
        for (int levels : {20, 70}) {
            std::string text = "a1 = x + y; b1 = x - y";
            for (int k = 2; k <= levels; ++k)
                text += "; a" + std::to_string(k) + " = a" + std::to_string(k - 1) + " + b" +
                        std::to_string(k - 1) + "; b" + std::to_string(k) + " = a" +
                        std::to_string(k - 1) + " - b" + std::to_string(k - 1);
            text += "; f = a" + std::to_string(levels) + " + b" + std::to_string(levels);
            const auto g =
                gs::buildGraph(parse(text), Eigen::Vector2d(1, 1), gs::Granularity::Statements);
            const auto p = gs::enumeratePaths(g, 0);
            QVERIFY(p.truncated);
            QCOMPARE(p.paths.size(), gs::kMaxPaths);
            if (levels == 20)
                QCOMPARE(p.count, std::uint64_t(1) << 20);
            else
                QCOMPARE(p.count, std::numeric_limits<std::uint64_t>::max()); // saturated
            QVERIFY2(p.message.find("listing the first 10000") != std::string::npos,
                     p.message.c_str());
            const auto few = gs::enumeratePaths(g, 0, 5);
            QCOMPARE(few.paths.size(), std::size_t(5));
            // (a_k, b_k) = M^k (x, y) with M = [1 1; 1 -1], M^2 = 2I, and f = a_(levels+1):
            // f = 2^(levels/2) (x + y), so the 2^levels paths' products (+-1) sum to 2^(levels/2).
            QCOMPARE(g.nodes[0].adjoint, std::ldexp(1.0, levels / 2));
        }
    }

    void reverseEqualsForwardOnRandomExpressions() {
        std::mt19937 rng(2026);
        std::uniform_real_distribution<double> coordinate(-1.5, 1.5);
        const std::vector<std::string> names{"x", "y", "z", "w"};
        int compared = 0;
        for (int trial = 0; trial < 300; ++trial) {
            const bool program = trial % 3 == 0;
            const std::string text =
                program ? randomProgram(rng, 4, names) : randomExpression(rng, 5, names);
            const auto f = parse(text, names);
            VectorXd x(4);
            for (int i = 0; i < 4; ++i)
                x[i] = coordinate(rng);
            const VectorXd forward = gs::gradient(f, x);
            if (!forward.allFinite())
                continue;
            ++compared;
            const double scale = 1 + forward.cwiseAbs().maxCoeff();
            const VectorXd reverse = gs::reverseGradient(f, x);
            for (auto gran : {gs::Granularity::Statements, gs::Granularity::Operations}) {
                const VectorXd graph = gs::buildGraph(f, x, gran).gradient();
                for (int i = 0; i < 4; ++i)
                    QVERIFY2(close(graph[i], forward[i], scale, 1024), text.c_str());
            }
            for (int i = 0; i < 4; ++i)
                QVERIFY2(close(reverse[i], forward[i], scale, 1024), text.c_str());
        }
        QVERIFY(compared >= 250);
    }

    void reverseGradientOfManyInputs() {
        // sum of x_i^2: d/dx_i = 2 x_i, exactly.
        const int n = 1000;
        const auto f = parse(sumOfSquares(n));
        QCOMPARE(f.inputCount(), std::size_t(n));
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> u(-3, 3);
        VectorXd x(n);
        for (int i = 0; i < n; ++i)
            x[i] = u(rng);
        const VectorXd g = gs::reverseGradient(f, x);
        QCOMPARE(g, VectorXd(2 * x));
        // Forward mode, one tangent pass per input, on the operation graph.
        const auto graph = gs::buildGraph(f, x, gs::Granularity::Operations);
        for (int i = 0; i < n; i += 97)
            QCOMPARE(gs::forwardTangents(graph, i)[std::size_t(graph.output)], g[i]);
        QCOMPARE(graph.gradient(), g);
        // The engine's forward-mode jets carry an n x n Hessian per node; compare at n = 100.
        const auto small = parse(sumOfSquares(100));
        const VectorXd xs = x.head(100);
        QCOMPARE(gs::reverseGradient(small, xs), gs::gradient(small, xs));
    }

    void constantsGetNoAdjoint() {
        // sqrt'(0) is infinite, but sqrt(0) depends on no input: df/dx = 1, not NaN.
        const auto f = parse("x + sqrt(0)");
        QCOMPARE(gs::reverseGradient(f, VectorXd::Constant(1, 2.0))[0], 1.0);
        const auto g = gs::buildGraph(f, VectorXd::Constant(1, 2.0), gs::Granularity::Operations);
        QCOMPARE(g.nodes.size(), std::size_t(2)); // x and the sum; sqrt(0) is written inline
        QCOMPARE(g.nodes[1].expression, std::string("x + sqrt(0)"));
        QCOMPARE(g.gradient()[0], 1.0);
        // A constant exponent that is an expression: the power rule, 2x = -4 at x = -2.
        const auto p = parse("x^(sqrt(0) + 2)");
        QCOMPARE(gs::reverseGradient(p, VectorXd::Constant(1, -2.0))[0], -4.0);
        // A statement that does not reach the output: its infinite partial does not leak.
        const auto dead = parse("d = sqrt(x); f = x*y");
        QCOMPARE(gs::reverseGradient(dead, Eigen::Vector2d(0, 3)), VectorXd(Eigen::Vector2d(3, 0)));
        const auto dg = gs::buildGraph(dead, Eigen::Vector2d(0, 3), gs::Granularity::Statements);
        QVERIFY(!dg.nodes[std::size_t(dg.find("d"))].reachesOutput);
        QCOMPARE(dg.nodes[std::size_t(dg.find("d"))].adjoint, 0.0);
        QCOMPARE(dg.gradient(), VectorXd(Eigen::Vector2d(3, 0)));
        // A named constant is a node: df/dc = x, and x's partial is c = 2 pi.
        const auto c = gs::buildGraph(parse("c = 2*pi; f = c*x"), VectorXd::Constant(1, 3.0),
                                      gs::Granularity::Statements);
        QCOMPARE(c.nodes[std::size_t(c.find("c"))].adjoint, 3.0);
        QCOMPARE(c.gradient()[0], 2 * std::numbers::pi);
    }

    void namesAndText() {
        // A single expression has only the operation graph; its output is called f.
        const auto g = gs::buildGraph(parse("x*(2*pi) - -y^2"), Eigen::Vector2d(1, 2),
                                      gs::Granularity::Statements);
        QCOMPARE(int(g.granularity), int(gs::Granularity::Operations));
        QCOMPARE(g.nodes[std::size_t(g.output)].name, std::string("f"));
        QCOMPARE(g.nodes[std::size_t(g.find("t1"))].expression, std::string("x*(2*pi)"));
        QCOMPARE(g.nodes[std::size_t(g.find("t2"))].expression, std::string("y^2"));
        QCOMPARE(g.nodes[std::size_t(g.find("t3"))].expression, std::string("-t2"));
        QCOMPARE(g.nodes[std::size_t(g.output)].expression, std::string("t1 - t3"));
        // An output name already taken by an input; temporaries skip names in use.
        const auto h = gs::buildGraph(parse("t1 = f*2; t1 + f*f"), VectorXd::Constant(1, 3.0),
                                      gs::Granularity::Operations);
        QCOMPARE(h.nodes[std::size_t(h.output)].name, std::string("output"));
        QCOMPARE(h.nodes[std::size_t(h.find("t2"))].expression, std::string("f*f"));
        QCOMPARE(h.nodes[std::size_t(h.output)].expression, std::string("t1 + t2"));
        QCOMPARE(h.gradient()[0], 2 + 2 * 3.0);
        // Aliases: c = a is a node with the edge a -> c of partial 1.
        const auto a = gs::buildGraph(parse("a = x*y; c = a; f = c + x"), Eigen::Vector2d(2, 5),
                                      gs::Granularity::Statements);
        QCOMPARE(edgePartial(a, "a", "c"), 1.0);
        QCOMPARE(a.gradient(), VectorXd(Eigen::Vector2d(6, 2)));
        // An unused variable is an input node with adjoint 0; the output may be an input.
        const auto u = gs::buildGraph(parse("x", {"x", "y"}), Eigen::Vector2d(4, 5),
                                      gs::Granularity::Operations);
        QCOMPARE(u.nodes.size(), std::size_t(2));
        QCOMPARE(u.output, 0);
        QCOMPARE(u.gradient(), VectorXd(Eigen::Vector2d(1, 0)));
        QCOMPARE(gs::enumeratePaths(u, 1).paths.size(), std::size_t(0));
        QCOMPARE(gs::enumeratePaths(u, 0).paths.size(), std::size_t(1));
    }

    void numbers() {
        QCOMPARE(gs::shortestNumberText(1024), std::string("1024"));
        QCOMPARE(gs::shortestNumberText(-0.0), std::string("0"));
        QCOMPARE(gs::shortestNumberText(0.1), std::string("0.1"));
        QCOMPARE(gs::shortestNumberText(std::nan("")), std::string("nan"));
        QCOMPARE(gs::shortestNumberText(-INFINITY), std::string("-inf"));
        // Brief: at most 6 significant digits (tester4 C4: 0.36787944117144233 in the graph).
        QCOMPARE(gs::briefNumberText(std::exp(-1.0)), std::string("0.367879"));
        QCOMPARE(gs::briefNumberText(-4096), std::string("-4096"));
        QCOMPARE(gs::briefNumberText(1e-8), std::string("1e-08"));
        QCOMPARE(gs::briefNumberText(0.1 + 0.2), std::string("0.3"));
        QCOMPARE(gs::briefNumberText(-0.0), std::string("0"));
        QCOMPARE(gs::briefNumberText(INFINITY), std::string("inf"));
        QCOMPARE(gs::briefNumberText(123456789.0), std::string("1.23457e+08"));
    }

    // x exp(-x^2 - y^2) at (-1, 0) by operations: e^-1 = 0.36787944117144233 appears in the
    // full formulas and as 0.367879 in the brief ones (the graph's text); every brief number
    // has at most 6 significant digits.
    void briefFormulas() {
        const auto g = gs::buildGraph(parse("x*exp(-x^2-y^2)", {"x", "y"}), Eigen::Vector2d(-1, 0),
                                      gs::Granularity::Operations);
        bool sawFull = false, sawBrief = false;
        for (const auto& steps : {gs::forwardSteps(g), gs::reverseSteps(g)})
            for (const auto& s : steps) {
                sawFull = sawFull || s.formula.find("0.36787944117144233") != std::string::npos;
                sawBrief = sawBrief || s.briefFormula.find("0.367879") != std::string::npos;
                QVERIFY2(s.briefFormula.find("0.3678794411") == std::string::npos,
                         s.briefFormula.c_str());
            }
        QVERIFY(sawFull && sawBrief);
    }
};

QTEST_MAIN(TestGraph)
#include "test_graph.moc"
