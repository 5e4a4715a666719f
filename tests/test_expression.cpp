// Parsing: what is accepted (checked by value), what is refused and where.
#include "derivatives.h"
#include "evaluation.h"
#include "expression.h"
#include "functions.h"
#include "graph.h"
#include "surface.h"

#include <QTest>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>

using gs::ConstantValue;
using gs::evaluateConstant;
using gs::Expression;

// The grid kernel is built for two instruction sets (engine/gridkernel.cpp) and chosen at
// start-up. Both are Eigen's same algorithms on 2 or 4 doubles at a time, with FMA in the
// AVX2 build's polynomials: each elementary function differs between the builds by a few
// ulp, and + - * / are the same IEEE operations. The bound, kKernelUlps ulp of max(1, |f|),
// is the one gridMatchesPointwise allows between Eigen and libm.
constexpr double kKernelUlps = 16;

// v and reference the same NaN-ness and infinity, or within kKernelUlps ulp of max(1, |ref|).
bool withinKernelBound(double v, double reference) {
    if (std::isnan(reference) || std::isnan(v))
        return std::isnan(reference) && std::isnan(v);
    if (std::isinf(reference) || std::isinf(v))
        return v == reference;
    return std::abs(v - reference) <= kKernelUlps * std::numeric_limits<double>::epsilon() *
                                          std::max(1.0, std::abs(reference));
}

// Restores the grid kernel chosen at start-up when a test that forces one ends (or fails).
struct RestoreSimdLevel {
    gs::SimdLevel chosen = gs::simdLevel();
    ~RestoreSimdLevel() { gs::setSimdLevel(chosen); }
};

class TestExpression : public QObject {
    Q_OBJECT
private slots:
    void valid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<double>("expected");
        const double x = 0.7, y = -1.3;
        QTest::newRow("integer") << "3" << x << y << 3.0;
        QTest::newRow("decimal") << "2.5 + .5" << x << y << 3.0;
        QTest::newRow("exponent") << "1e-3*x" << x << y << 1e-3 * x;
        QTest::newRow("precedence") << "x + y * 2" << x << y << x + y * 2;
        QTest::newRow("caret") << "x^2" << x << y << x * x;
        QTest::newRow("double star") << "x**2" << x << y << x * x;
        QTest::newRow("neg binds looser") << "-x^2" << x << y << -(x * x);
        QTest::newRow("right assoc") << "2^3^2" << x << y << 512.0;
        QTest::newRow("neg exponent") << "2^-1" << x << y << 0.5;
        QTest::newRow("division left assoc") << "8/4/2" << x << y << 1.0;
        QTest::newRow("subtraction left assoc") << "1-2-3" << x << y << -4.0;
        QTest::newRow("book surface")
            << "x*exp(-x^2-y^2)" << x << y << x * std::exp(-x * x - y * y);
        QTest::newRow("ln alias") << "ln(e)" << x << y << 1.0;
        QTest::newRow("pi") << "cos(pi)" << x << y << -1.0;
        QTest::newRow("pow") << "pow(x, 3)" << x << y << x * x * x;
        QTest::newRow("negative base") << "y^2" << x << y << y * y;
        QTest::newRow("all functions")
            << "sqrt(abs(y))+sin(x)+cos(x)+tan(x)+asin(0.5)+acos(0.5)+atan(y)+sinh(x)+cosh(x)+tanh("
               "y)"
            << x << y
            << std::sqrt(std::abs(y)) + std::sin(x) + std::cos(x) + std::tan(x) + std::asin(0.5) +
                   std::acos(0.5) + std::atan(y) + std::sinh(x) + std::cosh(x) + std::tanh(y);
        QTest::newRow("sigmoid") << "sigmoid(x)" << x << y << 1 / (1 + std::exp(-x));
        QTest::newRow("softplus") << "softplus(y)" << x << y << std::log(1 + std::exp(y));
        QTest::newRow("statements")
            << "a = x + y; b = a * a\nf = b - a" << x << y << (x + y) * (x + y) - (x + y);
        QTest::newRow("newline in parens") << "(x +\n y)" << x << y << x + y;
        QTest::newRow("trailing separator") << "x;" << x << y << x;
        QTest::newRow("unary plus") << "+x" << x << y << x;
        QTest::newRow("log of negative is NaN")
            << "log(y)" << x << y << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("exp(1e308) overflows")
            << "exp(1e308)*x" << x << y << std::numeric_limits<double>::infinity();
        QTest::newRow("x^1e308 overflows")
            << "(x+2)^1e308" << x << y << std::numeric_limits<double>::infinity();
        QTest::newRow("sqrt of negative is NaN")
            << "sqrt(y)" << x << y << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("one over zero is inf")
            << "1/(x-x)" << x << y << std::numeric_limits<double>::infinity();
    }
    void valid() {
        QFETCH(QString, text);
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(double, expected);
        auto r = Expression::parse(text.toStdString(), {"x", "y"});
        QVERIFY2(r.ok(), r.error ? r.error->message.c_str() : "");
        const double v = gs::evaluate(*r.expression, Eigen::Vector2d(x, y));
        if (std::isnan(expected)) {
            QVERIFY(std::isnan(v));
        } else if (std::isinf(expected)) {
            QCOMPARE(v, expected);
        } else {
            const double tol =
                8 * std::numeric_limits<double>::epsilon() * std::max(1.0, std::abs(expected));
            QVERIFY2(std::abs(v - expected) <= tol, qPrintable(QString::number(v, 'g', 17)));
        }
    }

    void invalid_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << "" << 1 << 1 << "empty";
        QTest::newRow("blank") << "   \n " << 1 << 1 << "empty";
        QTest::newRow("unclosed") << "x*(y+1" << 1 << 3 << "never closed";
        QTest::newRow("extra close") << "x+1)" << 1 << 4 << "no matching";
        QTest::newRow("unknown function") << "x*expp(y)" << 1 << 3 << "did you mean 'exp'";
        // Two letters swapped are one edit (tester s13: sni offered nothing).
        QTest::newRow("swapped letters") << "sni(x)" << 1 << 1 << "did you mean 'sin'";
        QTest::newRow("unknown far")
            << "frobnicate(x)" << 1 << 1 << "unknown function 'frobnicate'";
        QTest::newRow("trailing op") << "x +" << 1 << 3 << "after '+'";
        QTest::newRow("trailing op in parens") << "(x *)" << 1 << 5 << "after '*', found ')'";
        QTest::newRow("double op") << "x * / y" << 1 << 5 << "after '*', found '/'";
        QTest::newRow("arity pow") << "pow(x)" << 1 << 1 << "pow takes 2 arguments, got 1";
        QTest::newRow("arity exp") << "1 + exp(x, y)" << 1 << 5 << "exp takes 1 argument, got 2";
        QTest::newRow("used before defined")
            << "a = b + 1; b = x" << 1 << 5 << "'b' is used before";
        QTest::newRow("defined twice") << "a = x\na = y" << 2 << 1 << "defined twice";
        QTest::newRow("assign constant") << "pi = 3; pi" << 1 << 1 << "constant";
        QTest::newRow("assign function") << "exp = x; exp" << 1 << 1 << "function";
        QTest::newRow("function without call") << "exp + 1" << 1 << 1 << "write exp(...)";
        QTest::newRow("implicit multiplication") << "2x" << 1 << 2 << "missing operator";
        QTest::newRow("bad character") << "x $ y" << 1 << 3 << "unexpected character '$'";
        QTest::newRow("unicode character") << "x × y" << 1 << 3 << "unexpected character '×'";
        QTest::newRow("malformed number") << "1e+" << 1 << 1 << "malformed number";
        QTest::newRow("bare middle statement") << "x + 1; f = y" << 1 << 1 << "only the last";
        QTest::newRow("empty assignment") << "a = ; f = a" << 1 << 3 << "after '='";
        QTest::newRow("unknown symbol")
            << "x + z" << 1 << 5
            << "unknown symbol 'z': declare it as a variable, or make it a parameter";
        QTest::newRow("reserved nan") << "nan*x" << 1 << 1 << "'nan' is reserved";
        QTest::newRow("reserved Inf") << "x + Inf" << 1 << 5 << "'Inf' is reserved";
        QTest::newRow("reserved assignment") << "infinity = 2; x" << 1 << 1 << "reserved";
        QTest::newRow("deep nesting")
            << QString(10000, '(') + "x" + QString(10000, ')') << 1 << 201 << "nested too deeply";
        QTest::newRow("deep unary") << QString(5000, '-') + "x" << 1 << 202 << "nested too deeply";
        QTest::newRow("1 MB of text")
            << QStringLiteral("x+").repeated(1 << 19) + "x" << 1 << 100001 << "too long";
        QTest::newRow("100000 parens")
            << QString(100000, '(') + "x" + QString(100000, ')') << 1 << 100001 << "too long";
    }
    void invalid() {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, fragment);
        auto r = Expression::parse(text.toStdString(), {"x", "y"});
        QVERIFY(!r.ok());
        QVERIFY(r.error.has_value());
        const QString message = QString::fromStdString(r.error->message);
        QVERIFY2(message.contains(fragment), qPrintable(message));
        QCOMPARE(r.error->line, line);
        QCOMPARE(r.error->column, column);
    }

    // The bad-input table's values that are not finite, in the engine: which of f, grad f and
    // H is finite (1), not finite (0). Where one partial is infinite the chain rule's inf * 0
    // makes the other NaN (d/dy of sqrt(x) + y at x = 0): a known limit of forward-mode AD.
    void notFiniteSaysWhich_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<bool>("f");
        QTest::addColumn<bool>("gradient");
        QTest::addColumn<bool>("hessian");
        QTest::newRow("x^1e308") << "x^1e308 + y" << 2.0 << 1.0 << false << false << false;
        QTest::newRow("exp(1e308)") << "exp(1e308)*x + y" << 1.0 << 1.0 << false << false << false;
        QTest::newRow("log of negative") << "log(x) + y" << -1.0 << 1.0 << false << false << false;
        QTest::newRow("division by zero") << "1/x + y" << 0.0 << 1.0 << false << false << false;
        QTest::newRow("sqrt at 0: f only") << "sqrt(x) + y" << 0.0 << 1.0 << true << false << false;
        QTest::newRow("x^1.5 at 0: f and gradient")
            << "x^1.5 + y" << 0.0 << 1.0 << true << true << false;
        QTest::newRow("smooth") << "x*exp(-x^2-y^2)" << -1.0 << 0.0 << true << true << true;
    }
    void notFiniteSaysWhich() {
        QFETCH(QString, text);
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(bool, f);
        QFETCH(bool, gradient);
        QFETCH(bool, hessian);
        auto r = Expression::parse(text.toStdString(), {"x", "y"});
        QVERIFY(r.ok());
        const gs::Derivatives d = gs::derivatives(*r.expression, Eigen::Vector2d(x, y));
        QCOMPARE(bool(std::isfinite(d.value)), f);
        QCOMPARE(bool(d.gradient.allFinite()), gradient);
        QCOMPARE(bool(d.hessian.allFinite()), hessian);
    }

    // Undefined over part or all of the grid: NaN (or inf) samples are holes, and the range
    // the scene scales by is that of the finite values only, so a hole never becomes a spike.
    void holesOverTheGrid() {
        gs::GridSpec g; // [-2, 2]^2, 101 x 101: x = 0 is a node
        auto half = Expression::parse("log(x) + y", {"x", "y"});
        QVERIFY(half.ok());
        const gs::SurfaceSample s = gs::sampleSurface(*half.expression, g, Eigen::Vector2d(1, 0));
        QVERIFY(s.anyFinite);
        // log(x) + y is finite exactly where x > 0: 50 of the 101 columns.
        long finite = 0;
        for (int i = 0; i < g.nx; ++i)
            for (int j = 0; j < g.ny; ++j) {
                QCOMPARE(bool(std::isfinite(s.z(i, j))), g.x(i) > 0);
                finite += std::isfinite(s.z(i, j));
            }
        QCOMPARE(finite, 50L * g.ny);
        // The range: log(x_51) - 2 (x_51 = 0.04, the first node right of 0) to log(2) + 2.
        QCOMPARE(s.zmin, std::log(g.x(51)) - 2);
        QCOMPARE(s.zmax, std::log(2.0) + 2);
        auto none = Expression::parse("log(-x-3) + y", {"x", "y"});
        QVERIFY(none.ok());
        const gs::SurfaceSample empty =
            gs::sampleSurface(*none.expression, g, Eigen::Vector2d(0, 0));
        QVERIFY(!empty.anyFinite);
        QVERIFY(std::isfinite(empty.zmin) && std::isfinite(empty.zmax) && empty.zmin < empty.zmax);
    }

    void inputsAreAlphabeticalUnlessGiven() {
        auto r = Expression::parse("z*y + b^2 + y");
        QVERIFY(r.ok());
        QCOMPARE(r.expression->inputs(), (std::vector<std::string>{"b", "y", "z"}));
        auto given = Expression::parse("z*y + b^2", {"z", "y", "b", "unused"});
        QVERIFY(given.ok());
        QCOMPARE(given.expression->inputCount(), std::size_t(4));
        // z=2, y=3, b=5: 2*3 + 25
        QCOMPARE(gs::evaluate(*given.expression, Eigen::Vector4d(2, 3, 5, 100)), 31.0);
    }

    void statementsFormADag() {
        auto r = Expression::parse(
            "a = (w+x+y+z)^2; b = (w+x-y-z)^2; u = (a+b)^2; v = (a-b)^2; f = (u+v)^2");
        QVERIFY(r.ok());
        const auto& e = *r.expression;
        QCOMPARE(e.statements().size(), std::size_t(5));
        QCOMPARE(e.statements().back().name, std::string("f"));
        QCOMPARE(e.inputs(), (std::vector<std::string>{"w", "x", "y", "z"}));
        // `a` is one node used by both u and v, not a copy.
        const int a = e.statements()[0].node;
        int uses = 0;
        for (const auto& n : e.nodes())
            uses += (n.a == a) + (n.b == a);
        QCOMPARE(uses, 2);
        for (std::size_t i = 0; i < e.nodes().size(); ++i) {
            QVERIFY(e.nodes()[i].a < static_cast<int>(i));
            QVERIFY(e.nodes()[i].b < static_cast<int>(i));
        }
        const double w = 1, x = 0.5, y = -0.5, z = 0.25;
        const double av = std::pow(w + x + y + z, 2), bv = std::pow(w + x - y - z, 2);
        const double f = std::pow(std::pow(av + bv, 2) + std::pow(av - bv, 2), 2);
        QCOMPARE(gs::evaluate(e, Eigen::Vector4d(w, x, y, z)), f);
    }

    void caretPointsAtTheColumn() {
        auto r = Expression::parse("x*expp(y)", {"x", "y"});
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(gs::caretDiagram("x*expp(y)", *r.error)),
                 QStringLiteral("x*expp(y)\n  ^^^^"));
    }

    void gridMatchesPointwise() {
        auto r = Expression::parse("x*exp(-x^2-y^2) + log(y)", {"x", "y"});
        QVERIFY(r.ok());
        gs::GridSpec g;
        g.nx = 37; // not a multiple of the chunk, and unequal axes
        g.ny = 23;
        const Eigen::ArrayXXd z = gs::sampleGrid(*r.expression, g, Eigen::Vector2d::Zero());
        QCOMPARE(z.rows(), Eigen::Index(37));
        QCOMPARE(z.cols(), Eigen::Index(23));
        for (int i = 0; i < g.nx; ++i)
            for (int j = 0; j < g.ny; ++j) {
                const double p = gs::evaluate(*r.expression, Eigen::Vector2d(g.x(i), g.y(j)));
                if (std::isnan(p))
                    QVERIFY(std::isnan(z(i, j)));
                else if (std::isinf(p))
                    QCOMPARE(z(i, j), p);
                else // Eigen's vectorized exp/log may differ from libm by a few ulp
                    QVERIFY2(std::abs(z(i, j) - p) <= 16 * std::numeric_limits<double>::epsilon() *
                                                          std::max(1.0, std::abs(p)),
                             qPrintable(QString::number((z(i, j) - p) /
                                                        std::numeric_limits<double>::epsilon())));
            }
    }

    // Threads split the grid into whole chunks, each computed alone: any number of threads
    // gives the same bits, and the grid still matches the point evaluator (above).
    void gridIsTheSameOnAnyNumberOfThreads_data() {
        QTest::addColumn<int>("threads");
        QTest::newRow("2") << 2;
        QTest::newRow("3") << 3;
        QTest::newRow("8") << 8;
        QTest::newRow("all cores") << 0;
    }
    void gridIsTheSameOnAnyNumberOfThreads() {
        QFETCH(int, threads);
        auto r = Expression::parse("x*exp(-x^2-y^2) + sin(3*x*y) / (1 + y^2) + log(y)");
        QVERIFY(r.ok());
        gs::GridSpec g;
        g.nx = 401; // 160,801 points: several threads' worth, not a multiple of the chunk
        g.ny = 401;
        const Eigen::ArrayXXd one = gs::sampleGrid(*r.expression, g, Eigen::Vector2d::Zero(), 1);
        const Eigen::ArrayXXd many =
            gs::sampleGrid(*r.expression, g, Eigen::Vector2d::Zero(), threads);
        QCOMPARE(many.rows(), one.rows());
        QCOMPARE(many.cols(), one.cols());
        // Bit for bit, NaN holes included (memcmp: NaN != NaN under ==).
        QVERIFY(std::memcmp(one.data(), many.data(), sizeof(double) * std::size_t(one.size())) ==
                0);
        QVERIFY((one.isNaN()).any()); // log(y) leaves holes for y < 0: they match too
    }

    void gridKernelsAgree_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("book figure") << "x*exp(-x^2-y^2)";
        QTest::newRow("mixed") << "x*exp(-x^2-y^2) + sin(3*x*y) / (1 + y^2) + log(y)";
        QTest::newRow("powers") << "x^3 - 2*x*y^2 + sqrt(abs(y))^1 + abs(x)^0.5 + (1+x^2)^-1.5";
        QTest::newRow("variable exponent") << "(2 + x)^y";
        QTest::newRow("shared nodes") << "a = x*y; b = a*a; b - a + a/(1 + b)";
        QTest::newRow("constant") << "2 + 3";
        // Every function of the language, with and without a packet form.
        for (const auto& e : gs::functionTable())
            if (e.name && e.arity == 1)
                QTest::newRow(e.name) << QString("%1(%2 + (%3 - %2) * (x + 2) / 4) + y")
                                             .arg(e.name)
                                             .arg(e.smoothLo)
                                             .arg(e.smoothHi);
    }
    void gridKernelsAgree() {
        QFETCH(QString, text);
        auto r = Expression::parse(text.toStdString(), {"x", "y"});
        QVERIFY2(r.ok(), r.error ? r.error->message.c_str() : "");
        const RestoreSimdLevel restore;
        gs::GridSpec g;
        g.nx = 203; // 41,209 points: two threads' worth, the last chunk partial and odd
        g.ny = 203;
        const auto sample = [&](int threads) {
            return gs::sampleGrid(*r.expression, g, Eigen::Vector2d::Zero(), threads);
        };
        const auto sameBits = [](const Eigen::ArrayXXd& a, const Eigen::ArrayXXd& b) {
            return std::memcmp(a.data(), b.data(), sizeof(double) * std::size_t(a.size())) == 0;
        };
        QVERIFY(gs::setSimdLevel(gs::SimdLevel::Baseline));
        QCOMPARE(gs::simdLevel(), gs::SimdLevel::Baseline);
        const Eigen::ArrayXXd base = sample(1);
        QVERIFY(sameBits(base, sample(3)));
        // The baseline kernel against the point evaluator (libm), at a sample of nodes.
        for (int i = 0; i < g.nx; i += 7)
            for (int j = 0; j < g.ny; j += 5) {
                const double p = gs::evaluate(*r.expression, Eigen::Vector2d(g.x(i), g.y(j)));
                QVERIFY2(withinKernelBound(base(i, j), p),
                         qPrintable(QString("(%1, %2): %3 vs %4")
                                        .arg(i)
                                        .arg(j)
                                        .arg(base(i, j), 0, 'g', 17)
                                        .arg(p, 0, 'g', 17)));
            }
        // Each faster kernel this build and CPU have: the same bits for any thread count,
        // a few ulp from the baseline. (The CI machine has AVX-512; a CPU without a level
        // checks that it is refused.)
        int checked = 0;
        for (const gs::SimdLevel level : {gs::SimdLevel::Avx2Fma, gs::SimdLevel::Avx512}) {
            if (!gs::simdLevelAvailable(level)) {
                QVERIFY(!gs::setSimdLevel(level));
                continue;
            }
            QVERIFY(gs::setSimdLevel(level));
            QCOMPARE(gs::simdLevel(), level);
            ++checked;
            const Eigen::ArrayXXd fast = sample(1);
            QVERIFY(sameBits(fast, sample(3)));
            for (Eigen::Index k = 0; k < base.size(); ++k)
                QVERIFY2(withinKernelBound(fast.data()[k], base.data()[k]),
                         qPrintable(QString("%1, point %2: %3 vs %4")
                                        .arg(gs::simdLevelName(level))
                                        .arg(k)
                                        .arg(fast.data()[k], 0, 'g', 17)
                                        .arg(base.data()[k], 0, 'g', 17)));
        }
        if (checked == 0)
            QSKIP("this build or CPU has no AVX2+FMA kernel: the baseline is all there is");
    }

    // Overflow and the edges of sqrt's domain come out of every kernel as the point
    // evaluator gives them (an approximate sqrt, as Eigen's fast-math AVX-512 one, makes
    // sqrt(inf) NaN and sqrt of the smallest numbers 0).
    void kernelsKeepInfinitiesAndEdges() {
        auto r =
            Expression::parse("sqrt(exp(800*x)) + sqrt(y^2 * 1e-310) + sqrt(-y^2)", {"x", "y"});
        QVERIFY2(r.ok(), r.error ? r.error->message.c_str() : "");
        const RestoreSimdLevel restore;
        gs::GridSpec g;
        g.nx = 64;
        g.ny = 9;
        for (const gs::SimdLevel level :
             {gs::SimdLevel::Baseline, gs::SimdLevel::Avx2Fma, gs::SimdLevel::Avx512}) {
            if (!gs::setSimdLevel(level))
                continue;
            const Eigen::ArrayXXd z = gs::sampleGrid(*r.expression, g, Eigen::Vector2d::Zero(), 1);
            int infinite = 0;
            for (int i = 0; i < g.nx; ++i)
                for (int j = 0; j < g.ny; ++j) {
                    const double p = gs::evaluate(*r.expression, Eigen::Vector2d(g.x(i), g.y(j)));
                    infinite += std::isinf(p);
                    QVERIFY2(withinKernelBound(z(i, j), p),
                             qPrintable(QString("%1 at (%2, %3): %4 vs %5")
                                            .arg(gs::simdLevelName(level))
                                            .arg(g.x(i))
                                            .arg(g.y(j))
                                            .arg(z(i, j), 0, 'g', 17)
                                            .arg(p, 0, 'g', 17)));
                }
            QVERIFY(infinite > 0); // the overflow is in the grid
        }
    }

    // GRADSCAPE_SIMD=baseline forces the baseline kernel from the start (CTest runs this
    // file once more that way: test_expression_baseline); otherwise the best the CPU has.
    void startUpChoice() {
        const QByteArray forced = qgetenv("GRADSCAPE_SIMD");
        if (forced == "baseline")
            QCOMPARE(gs::simdLevel(), gs::SimdLevel::Baseline);
        else if (forced == "avx2" && gs::simdLevelAvailable(gs::SimdLevel::Avx2Fma))
            QCOMPARE(gs::simdLevel(), gs::SimdLevel::Avx2Fma);
        else
            QCOMPARE(gs::simdLevel(), gs::bestSimdLevel());
    }

    // The best level is the widest this build and CPU can run, in the order of the enum.
    void bestLevelIsTheWidestAvailable() {
        const gs::SimdLevel best = gs::bestSimdLevel();
        QVERIFY(gs::simdLevelAvailable(best));
        for (const gs::SimdLevel level : {gs::SimdLevel::Avx2Fma, gs::SimdLevel::Avx512})
            if (int(level) > int(best))
                QVERIFY2(!gs::simdLevelAvailable(level), gs::simdLevelName(level));
        // AVX-512 implies AVX2+FMA here (x86-64-v4 includes v3).
        if (gs::simdLevelAvailable(gs::SimdLevel::Avx512))
            QVERIFY(gs::simdLevelAvailable(gs::SimdLevel::Avx2Fma));
    }

    void constantSubExpressionsAreFolded() {
        // Nodes that depend on no input carry their value and evaluate as constants.
        auto r = Expression::parse("x + sqrt(0) + 2^(1+1) + acos(-1)", {"x"});
        QVERIFY(r.ok());
        const auto& nodes = r.expression->nodes();
        int folded = 0, variable = 0;
        for (const auto& n : nodes) {
            variable += n.variable;
            folded += !n.variable && n.op != gs::Op::Constant;
        }
        QCOMPARE(variable, 4); // x and the three outer additions
        QCOMPARE(folded, 5);   // sqrt(0), 1+1, 2^(1+1), -1 (a Neg node), acos(-1)
        const auto value = [&](gs::Op op) {
            for (const auto& n : nodes)
                if (n.op == op)
                    return n.value;
            return std::nan("");
        };
        QCOMPARE(value(gs::Op::Sqrt), 0.0);
        QCOMPARE(value(gs::Op::Pow), 4.0);
        QCOMPARE(value(gs::Op::Acos), std::numbers::pi);
        QCOMPARE(gs::evaluate(*r.expression, Eigen::VectorXd::Constant(1, 1.0)),
                 1 + 0 + 4 + std::numbers::pi);
    }

    void functionTableIsTheLanguage() {
        // knownFunctions() is the table's names and aliases, then sum, dot, norm, trace; each
        // parses to its op; the grid (vectorized) form agrees with the scalar value.
        std::vector<std::string> names;
        for (const gs::FunctionEntry& e : gs::functionTable()) {
            for (const char* name : {e.name, e.alias}) {
                if (!name)
                    continue;
                names.emplace_back(name);
                const std::string text = std::string(name) + (e.arity == 2 ? "(x, 2)" : "(x)");
                auto r = Expression::parse(text, {"x"});
                QVERIFY2(r.ok(), text.c_str());
                QCOMPARE(int(r.expression->nodes()[std::size_t(r.expression->output())].op),
                         int(e.op));
            }
            if (e.arity != 1)
                continue;
            gs::GridSpec g;
            g.xmin = e.smoothLo;
            g.xmax = e.smoothHi;
            g.nx = 1500; // more than one chunk
            g.ny = 1;
            auto r = Expression::parse("-x", {"x", "y"});
            if (e.name)
                r = Expression::parse(std::string(e.name) + "(x)", {"x", "y"});
            QVERIFY(r.ok());
            const Eigen::ArrayXXd z = gs::sampleGrid(*r.expression, g, Eigen::Vector2d::Zero());
            for (int i = 0; i < g.nx; ++i) {
                const double expected = e.value(g.x(i));
                // Eigen's vectorized exp/log/sin may differ from libm by a few ulp.
                QVERIFY2(std::abs(z(i, 0) - expected) <=
                             16 * std::numeric_limits<double>::epsilon() *
                                 std::max(1.0, std::abs(expected)),
                         e.name);
            }
        }
        // then the functions of vectors and matrices (scalarized by the parser)
        for (const gs::MatrixFunction& m : gs::matrixFunctions())
            names.emplace_back(m.name);
        QCOMPARE(gs::knownFunctions(), names);
    }

    // f = a*x^2 + 2*b*x*y + c*y^2 with parameters a, b, c: by hand, f_x = 2ax + 2by,
    // f_y = 2bx + 2cy, H = [[2a, 2b], [2b, 2c]]; the parameters are not inputs.
    void parametersAreConstants_data() {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::addColumn<double>("c");
        QTest::newRow("bowl") << 1.0 << 0.25 << 2.0;
        QTest::newRow("saddle") << 1.0 << 1.5 << -0.5;
        QTest::newRow("zero") << 0.0 << 0.0 << 0.0;
    }
    void parametersAreConstants() {
        QFETCH(double, a);
        QFETCH(double, b);
        QFETCH(double, c);
        const std::vector<gs::ParameterValue> params{{"a", a}, {"b", b}, {"c", c}};
        auto r = Expression::parse("q = a*x^2 + 2*b*x*y; q + c*y^2", {}, params);
        QVERIFY2(r.ok(), r.error ? r.error->message.c_str() : "");
        const Expression& f = *r.expression;
        QCOMPARE(f.inputs(), (std::vector<std::string>{"x", "y"}));
        QCOMPARE(f.parameters(), params);
        const double x = 0.7, y = -1.3;
        const Eigen::Vector2d p(x, y);
        const double tol = 16 * std::numeric_limits<double>::epsilon() * 10;
        QVERIFY(std::abs(gs::evaluate(f, p) - (a * x * x + 2 * b * x * y + c * y * y)) <= tol);
        const gs::Derivatives d = gs::derivatives(f, p);
        QVERIFY(std::abs(d.gradient[0] - (2 * a * x + 2 * b * y)) <= tol);
        QVERIFY(std::abs(d.gradient[1] - (2 * b * x + 2 * c * y)) <= tol);
        Eigen::Matrix2d h;
        h << 2 * a, 2 * b, 2 * b, 2 * c;
        QVERIFY((d.hessian - h).cwiseAbs().maxCoeff() <= tol);
        const Eigen::VectorXd reverse = gs::reverseGradient(f, p);
        QVERIFY((reverse - d.gradient).cwiseAbs().maxCoeff() <= tol);
        // Each parameter is one named constant: its node's text is its name.
        int named = 0;
        for (const gs::Node& n : f.nodes())
            if (n.parameter >= 0) {
                ++named;
                QCOMPARE(n.op, gs::Op::Constant);
                QVERIFY(!n.variable);
                QCOMPARE(f.text().substr(n.offset, n.length),
                         params[std::size_t(n.parameter)].name);
                QCOMPARE(n.value, params[std::size_t(n.parameter)].value);
            }
        QCOMPARE(named, 3);
    }

    void parameterNamesStayInTheGraph() {
        auto r = Expression::parse("a*x + y", {"x", "y"}, {{"a", 2.0}});
        QVERIFY(r.ok());
        const auto g =
            gs::buildGraph(*r.expression, Eigen::Vector2d(3, 1), gs::Granularity::Statements);
        // (One statement is drawn per operation: t1 = a*x, the parameter written by name.)
        bool named = false;
        for (const auto& n : g.nodes)
            named = named || n.expression == "a*x";
        QVERIFY(named);
        QCOMPARE(g.nodes.back().value, 7.0);
        QCOMPARE(g.gradient(), Eigen::VectorXd(Eigen::Vector2d(2, 1)));
    }

    void unknownSymbolsAreNamed() {
        auto r = Expression::parse("b*y + a*x + b", {"x", "y"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error->unknownNames, (std::vector<std::string>{"b", "a"}));
        QCOMPARE(QString::fromStdString(r.error->message),
                 QStringLiteral("unknown symbols 'b', 'a': declare them as variables, or make "
                                "them parameters (the variables are x, y)"));
        QCOMPARE(r.error->column, 1);
        // Made parameters, the same text parses; other errors carry no names.
        QVERIFY(Expression::parse("b*y + a*x + b", {"x", "y"}, {{"a", 1}, {"b", 2}}).ok());
        QVERIFY(Expression::parse("x +", {"x", "y"}).error->unknownNames.empty());
    }

    void badParametersAreRefused_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("variables");
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("fragment");
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("also a variable") << "a*x" << QStringList{"x", "a"} << "a" << 1.0
                                         << "'a' is both a variable and a parameter";
        QTest::newRow("assigned") << "a = x; a" << QStringList{"x"} << "a" << 1.0
                                  << "'a' is a parameter and cannot also be defined";
        QTest::newRow("function name") << "x" << QStringList{"x"} << "exp" << 1.0 << "taken";
        QTest::newRow("constant name") << "x" << QStringList{"x"} << "pi" << 1.0 << "taken";
        QTest::newRow("reserved name") << "x" << QStringList{"x"} << "NaN" << 1.0 << "taken";
        QTest::newRow("not a name") << "x" << QStringList{"x"} << "2a" << 1.0 << "not a name";
        QTest::newRow("empty name") << "x" << QStringList{"x"} << "" << 1.0 << "not a name";
        QTest::newRow("infinite") << "a*x" << QStringList{"x"} << "a" << inf << "must be finite";
        QTest::newRow("nan") << "a*x" << QStringList{"x"} << "a"
                             << std::numeric_limits<double>::quiet_NaN() << "must be finite";
    }
    void badParametersAreRefused() {
        QFETCH(QString, text);
        QFETCH(QStringList, variables);
        QFETCH(QString, name);
        QFETCH(double, value);
        QFETCH(QString, fragment);
        std::vector<std::string> vars;
        for (const auto& v : variables)
            vars.push_back(v.toStdString());
        auto r = Expression::parse(text.toStdString(), vars, {{name.toStdString(), value}});
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error->message).contains(fragment),
                 r.error->message.c_str());
        auto twice = Expression::parse("a*x", {"x"}, {{"a", 1}, {"a", 2}});
        QVERIFY(!twice.ok());
        QVERIFY(twice.error->message.find("given twice") != std::string::npos);
    }

    void reservedNamesCannotBeVariables() {
        auto r = Expression::parse("x", {"x", "NaN"});
        QVERIFY(!r.ok());
        QVERIFY(QString::fromStdString(r.error->message).contains(QStringLiteral("reserved")));
        // Errors in the lists are nowhere in the text: no column to point at (tester s15:
        // "x, x" as inputs read "column 1" under the function).
        QVERIFY(!r.error->inText);
        const auto twice = Expression::parse("x + y", {"x", "x"});
        QVERIFY(!twice.ok() && !twice.error->inText);
        QCOMPARE(twice.error->message, std::string("the variable 'x' is listed twice"));
        QVERIFY(!Expression::parse("a*x", {"x"}, {{"a", 1}, {"a", 2}}).error->inText);
        QVERIFY(Expression::parse("x +", {"x"}).error->inText);
        // Names that merely contain them are fine.
        QVERIFY(Expression::parse("nanny + info + x_inf").ok());
    }

    // Which declared inputs and parameters f's value does not depend on (tester s17: after
    // the quadratic-form example, sin(x)*x was still a surface over x and y with sliders a, b,
    // c that moved nothing, and nothing said so).
    void unusedNamesAreFound() {
        const auto names = [](const gs::ParseResult& r) {
            const gs::UnusedNames u = gs::unusedNames(*r.expression);
            return std::pair{u.inputs, u.parameters};
        };
        using V = std::vector<std::string>;
        QCOMPARE(names(Expression::parse("sin(x)*x", {"x", "y"}, {{"a", 1}, {"b", 2}})),
                 std::pair(V{"y"}, V{"a", "b"}));
        QCOMPARE(
            names(Expression::parse("a*x^2 + 2*b*x*y + c*y^2", {}, {{"a", 1}, {"b", 0}, {"c", 1}})),
            std::pair(V{}, V{}));
        // Named by a statement the output never reaches: unused all the same.
        QCOMPARE(names(Expression::parse("u = y*a; f = x^2", {}, {{"a", 1}})),
                 std::pair(V{"y"}, V{"a"}));
        // A constant sub-expression of parameters (folded) still uses them; a vector input
        // is used when any element is.
        QCOMPARE(names(Expression::parse("a*b + x[1]", {"x[2]", "z"}, {{"a", 1}, {"b", 2}})),
                 std::pair(V{"z"}, V{}));
    }

    // The window's number boxes take an expression of numbers; what they cannot take is
    // said, with where and why (issue #9, tester s15).
    void constantsAreEvaluated() {
        // The same double as the library computes (the evaluator calls std::log, std::sqrt).
        QCOMPARE(evaluateConstant("log(2)").value, std::log(2.0));
        QCOMPARE(evaluateConstant(" pi/4 ").value, std::numbers::pi / 4);
        QCOMPARE(evaluateConstant("2^-10").value, 1.0 / 1024);
        QCOMPARE(evaluateConstant("-1e-3").value, -1e-3);
        QCOMPARE(evaluateConstant("2*sqrt(2)").value, 2 * std::sqrt(2.0));
        for (const char* good : {"log(2)", "pi/4", "2^-10", "-1e-3", "e"})
            QVERIFY2(evaluateConstant(good).error.empty(), good);
        const std::vector<std::pair<const char*, const char*>> bad = {
            {"nan", "'nan' is not a finite number"},
            {"-inf", "'-inf' is not a finite number"},
            {"1e999", "column 1: number out of range"},
            {"exp(1000)", "'exp(1000)' is not a finite number (it is +inf)"},
            {"log(0)", "'log(0)' is not a finite number (it is -inf)"},
            {"log(-1)", "'log(-1)' is undefined (not a number)"},
            {"x+1", "'x' is not a number"},
            {"log(", "column 4: unbalanced parenthesis"},
            {"", "empty expression"},
        };
        for (const auto& [text, says] : bad) {
            const ConstantValue c = evaluateConstant(text);
            QVERIFY2(c.error.find(says) != std::string::npos, (text + (" -> " + c.error)).c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestExpression)
#include "test_expression.moc"
