#include "matrixcalculus.h"

#include "evaluation.h"
#include "graph.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <random>

namespace gs {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

std::string shortNumber(double v) {
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::general, 2);
    return std::string(buffer, r.ptr);
}

// 1-based line and column of an offset in `text` (columns count characters).
void locate(std::string_view text, ParseError& e) {
    e.line = 1;
    e.column = 1;
    for (std::size_t i = 0; i < e.offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++e.line;
            e.column = 1;
        } else if ((text[i] & 0xC0) != 0x80) {
            ++e.column;
        }
    }
}

} // namespace

std::vector<std::string> declarationTexts(const Expression& f) {
    std::vector<std::string> out;
    for (const InputDeclaration& d : f.declaredInputs()) {
        // Appended piece by piece, not "[" + string: GCC 12 warns falsely (-Wrestrict).
        std::string s = d.name;
        if (d.dimensions > 0) {
            s += '[';
            s += std::to_string(d.rows);
            if (d.dimensions == 2) {
                s += ',';
                s += std::to_string(d.cols);
            }
            s += ']';
        }
        out.push_back(std::move(s));
    }
    return out;
}

int findDeclaredInput(const Expression& f, std::string_view name) {
    const auto& d = f.declaredInputs();
    for (std::size_t i = 0; i < d.size(); ++i)
        if (d[i].name == name)
            return int(i);
    return -1;
}

Eigen::MatrixXd inputBlock(const InputDeclaration& input, const Eigen::VectorXd& flat) {
    Eigen::MatrixXd m(input.rows, input.cols);
    for (int i = 0; i < input.rows; ++i)
        for (int j = 0; j < input.cols; ++j) {
            const auto k = Eigen::Index(input.first) + Eigen::Index(i) * input.cols + j;
            m(i, j) = k < flat.size() ? flat[k] : 0.0;
        }
    return m;
}

GradientCheckResult checkGradient(const Expression& f, std::string_view closedForm,
                                  std::string_view withRespectTo, const Eigen::VectorXd& point,
                                  int draws, std::uint64_t seed) {
    GradientCheckResult result;
    const int which = findDeclaredInput(f, withRespectTo);
    if (which < 0) {
        std::string names;
        for (const auto& d : f.declaredInputs()) {
            if (!names.empty())
                names += ", ";
            names += d.name;
        }
        result.error = "'";
        result.error += withRespectTo;
        result.error += "' is not an input (the inputs are " + names + ")";
        return result;
    }
    if (draws < 0 || draws > kMaxGradientDraws) {
        result.error = "the number of draws must be 0 to " + std::to_string(kMaxGradientDraws);
        return result;
    }
    const InputDeclaration& input = f.declaredInputs()[std::size_t(which)];
    // The closed form sees what f's statements define before its last: A in
    // `A = [[2, 1], [1, 3]]; f = x' * A * x`.
    const std::size_t prefixLength = f.statements().back().offset;
    std::string text = f.text().substr(0, prefixLength);
    text += closedForm;
    auto parsed = Expression::parseValue(text, declarationTexts(f), f.parameters());
    if (!parsed.ok()) {
        ParseError e = *parsed.error;
        e.offset = e.offset >= prefixLength ? e.offset - prefixLength : 0;
        locate(closedForm, e);
        result.error = "the closed form: " + e.message;
        result.parseError = e;
        return result;
    }
    const Expression& c = *parsed.expression;
    const Statement& value = c.statements().back();
    if (value.rows != input.rows || value.cols != input.cols) {
        result.error = "the closed form is (" + std::to_string(value.rows) + "x" +
                       std::to_string(value.cols) + ") but " + input.name + " is (" +
                       std::to_string(input.rows) + "x" + std::to_string(input.cols) +
                       "): a gradient has the shape of its input (denominator layout)";
        return result;
    }

    GradientCheck check;
    check.input = input.name;
    check.rows = input.rows;
    check.cols = input.cols;
    check.draws = draws;
    check.seed = seed;
    const auto n = Eigen::Index(f.inputCount());
    const double operations = double(f.nodes().size() + c.nodes().size());
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    Eigen::VectorXd x = Eigen::VectorXd::Zero(n);
    x.head(std::min(n, point.size())) = point.head(std::min(n, point.size()));
    for (int draw = 0; draw <= draws; ++draw) {
        if (draw > 0)
            for (Eigen::Index i = 0; i < n; ++i)
                x[i] = normal(engine);
        const Eigen::MatrixXd g = inputBlock(input, reverseGradient(f, x));
        const std::vector<double> values = evaluateNodes(c, x);
        Eigen::MatrixXd cf(input.rows, input.cols);
        for (int i = 0; i < input.rows; ++i)
            for (int j = 0; j < input.cols; ++j)
                cf(i, j) = values[std::size_t(
                    value.elements[std::size_t(i) * std::size_t(input.cols) + std::size_t(j)])];
        if (draw == 0) {
            check.automatic = g;
            check.closedForm = cf;
        }
        // The rule of kAgreementFactor: relative to the larger of the two gradients.
        const double scale = std::max(g.cwiseAbs().maxCoeff(), cf.cwiseAbs().maxCoeff());
        const double tolerance = kAgreementFactor * std::sqrt(operations) * kEps * scale;
        check.maxTolerance = std::max(check.maxTolerance, tolerance);
        for (int i = 0; i < input.rows; ++i)
            for (int j = 0; j < input.cols; ++j) {
                const double d = std::abs(g(i, j) - cf(i, j));
                // NaN never agrees, and makes the maximum NaN.
                if (std::isnan(d) || std::isnan(check.maxAbsDifference))
                    check.maxAbsDifference = std::numeric_limits<double>::quiet_NaN();
                else
                    check.maxAbsDifference = std::max(check.maxAbsDifference, d);
                if (!(d <= tolerance)) {
                    ++check.differingEntries;
                    if (check.differences.size() < kMaxListedDifferences)
                        check.differences.push_back({draw, i, j, g(i, j), cf(i, j), tolerance});
                }
            }
    }
    check.agrees = check.differingEntries == 0;
    const std::string where =
        "at the point" +
        (draws > 0 ? " and on " + std::to_string(draws) + " random draw" + (draws == 1 ? "" : "s")
                   : std::string());
    if (check.agrees) {
        // "agrees to 0" read as a riddle (tester s17): bit for bit is "exactly".
        check.summary =
            (check.maxAbsDifference == 0 ? std::string("agrees exactly")
                                         : "agrees to " + shortNumber(check.maxAbsDifference)) +
            " " + where;
    } else {
        const GradientDifference& first = check.differences.front();
        check.summary =
            "differs in " + std::to_string(check.differingEntries) + " entr" +
            (check.differingEntries == 1 ? "y" : "ies") + " " + where + " (max |difference| " +
            shortNumber(check.maxAbsDifference) + "); first: " +
            input.elementName(std::size_t(first.row) * std::size_t(input.cols) +
                              std::size_t(first.col)) +
            (first.draw == 0 ? " at the point" : " on draw " + std::to_string(first.draw)) +
            ", automatic " + shortNumber(first.automatic) + ", closed form " +
            shortNumber(first.closedForm);
    }
    result.check = std::move(check);
    return result;
}

} // namespace gs
