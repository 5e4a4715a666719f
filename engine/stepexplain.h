#pragma once
// One optimizer iteration taken apart, for the step-by-step panel and the state arrows: its
// sub-steps (gradient -> moment update -> scaling -> step) with the update rule of each and
// the numbers that went into it, and the step split into the arrows a picture shows (the
// plain gradient step -eta g, what the moment carries, the per-coordinate rates, the step
// actually taken). Everything is read from the run's StepState or follows from it by the
// method's own formula (the bias corrections, the previous iterate's moments); nothing is
// evaluated again.

#include "optimizers.h"

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

namespace gs {

/// A named number, vector or matrix of a sub-step: "β" = 0.9, "g" = (1.2, -3), "H".
struct StepQuantity {
    std::string symbol;
    Eigen::VectorXd value;
    bool scalar = false;    ///< a number (value has one entry), not a vector of the inputs
    Eigen::MatrixXd matrix; ///< a matrix (Newton's H) in place of value, when not empty
};

struct SubStep {
    std::string title;   ///< "gradient", "moment update", "scaling", "step"
    std::string formula; ///< the update rule: "v ← β v − η g"
    /// The inputs of the rule, then (last) what it produced.
    std::vector<StepQuantity> quantities;
};

/// Iteration k of a run (from x_k to x_{k+1}) as the picture draws it, in the inputs' units.
struct StepArrows {
    Eigen::VectorXd point;        ///< x_k
    double value = 0;             ///< f(x_k)
    Eigen::VectorXd gradientStep; ///< -eta g: the step plain gradient descent would take
    /// What the moment contributes, as a displacement: beta v_{k-1} (momentum, Nesterov),
    /// -eta nu b (QHM), -eta m^ (Adam), -eta nu1 m^ (QHAdam); Newton's direction d; empty for
    /// the other methods.
    Eigen::VectorXd momentStep;
    /// In the window's symbols (the scenes draw DejaVu Sans, which has them): "β v",
    /// "−η ν b", "−η m̂", "−η ν₁ m̂", or empty.
    std::string momentLabel;
    /// What that arrow is, for its legend: "moment", or for Newton's methods "Newton
    /// direction" (then momentStep is d = −H⁻¹g, the step taken t d).
    std::string momentRole = "moment";
    /// The adaptive methods' per-coordinate step sizes (half-sides of the rectangle drawn
    /// around the point): StepState::rate. Empty for the others.
    Eigen::VectorXd rate;
    Eigen::VectorXd update; ///< x_{k+1} - x_k
};

struct StepExplanation {
    int iteration = 0;
    std::vector<SubStep> subSteps;
    StepArrows arrows;
};

/// Iteration k (0 <= k < stepCount) of `run`, made with `options`; nothing when k is out of
/// range (the last iterate takes no step) or the run has no state there.
std::optional<StepExplanation> explainStep(const Trajectory& run, const OptimizerOptions& options,
                                           int k);

/// How many sub-steps an iteration of `method` has (2 to 4).
int subStepCount(Method method);

/// What theory predicts for the eigen-direction chart: |e_i(0)| rho_i^k for iterations
/// k = 0..rows-1 of `errors` (eigenDirectionErrors, sweep.h), rho = `factors`
/// (predictedFactors). Row k, column i.
Eigen::MatrixXd predictedEigenErrors(const Eigen::MatrixXd& errors, const Eigen::VectorXd& factors);

} // namespace gs
