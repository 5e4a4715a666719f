#pragma once
// Matrix calculus on top of the scalar DAG: gradients in the shape of each declared input
// (the denominator layout: d f / d V has the shape of V), and checking a closed-form
// gradient typed by a person against the automatic one at the current point and at random
// points ("agrees to 2e-16 on 20 random draws", or the entries where it differs).

#include "expression.h"

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

/// The declarations that parse another text with f's inputs: "x[3]", "V[5,4]", "y".
std::vector<std::string> declarationTexts(const Expression& f);

/// The index in f.declaredInputs() of the input called `name`, or -1.
int findDeclaredInput(const Expression& f, std::string_view name);

/// The entries of `flat` (one per scalar input, in f.inputs() order) that belong to `input`,
/// as its rows x cols matrix (row-major; a vector is n x 1, a scalar 1 x 1).
Eigen::MatrixXd inputBlock(const InputDeclaration& input, const Eigen::VectorXd& flat);

inline constexpr int kDefaultGradientDraws = 20;
inline constexpr int kMaxGradientDraws = 10000;
/// How many differing entries a check lists (it counts them all).
inline constexpr std::size_t kMaxListedDifferences = 20;
/// The agreement rule's constant: entries agree when
///   |g_ij - c_ij| <= kAgreementFactor * sqrt(N) * eps * max(max|g|, max|c|)
/// at each point, g the automatic gradient, c the closed form, N the number of scalar
/// operations of f and the closed form together. Each is a sum of N roundings of relative
/// size eps/2 at most (first order), whose errors grow like sqrt(N) when they do not conspire;
/// the factor 64 leaves room for moderately ill-conditioned sums. Relative to the larger
/// gradient, so the rule is scale-free (f scaled by any power of two: the same verdict).
inline constexpr double kAgreementFactor = 64;

struct GradientDifference {
    int draw = 0;         ///< 0: the given point; k >= 1: random draw k
    int row = 0, col = 0; ///< zero-based within the input's shape
    double automatic = 0, closedForm = 0, tolerance = 0;
};

struct GradientCheck {
    std::string input; ///< the input differentiated by
    int rows = 1, cols = 1;
    int draws = 0; ///< random points besides the given one
    std::uint64_t seed = 0;
    double maxAbsDifference = 0; ///< over every entry of every point (NaN if any is NaN)
    double maxTolerance = 0;     ///< the largest tolerance the rule gave
    bool agrees = false;
    std::size_t differingEntries = 0; ///< entries beyond their tolerance, over all points
    std::vector<GradientDifference> differences; ///< the first kMaxListedDifferences
    Eigen::MatrixXd automatic, closedForm;       ///< at the given point, in the input's shape
    std::string summary; ///< "agrees to 4.4e-16 at the point and on 20 random draws", or not
};

struct GradientCheckResult {
    std::optional<GradientCheck> check;
    std::string error;                    ///< why there is no check (empty when there is)
    std::optional<ParseError> parseError; ///< a closed form that does not parse (its own text)
};

/// Compares the closed form (the language, with f's inputs and the constants f's statements
/// define before its last, e.g. `(A + A') * x`) with the reverse-mode gradient of f with
/// respect to the input `withRespectTo`, at `point` and at `draws` points whose every scalar
/// input is drawn from N(0, 1) (std::mt19937_64 seeded with `seed`). The closed form must
/// have that input's shape.
GradientCheckResult checkGradient(const Expression& f, std::string_view closedForm,
                                  std::string_view withRespectTo, const Eigen::VectorXd& point,
                                  int draws = kDefaultGradientDraws, std::uint64_t seed = 1);

} // namespace gs
