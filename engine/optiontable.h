#pragma once
// Every option with a range or a default, declared once: the document's validation, the
// command line's parser and --help, and the window's spin boxes and sliders all read these.
// Adding an option is one declaration here (plus the field that holds its value).

#include <optional>
#include <string>
#include <string_view>

namespace gs {

/// One numeric option: its names, default, range and one line of help.
struct OptionSpec {
    std::string_view field; ///< the setting's name in messages and files: "learning_rate"
    std::string_view flag;  ///< the command line's spelling without "--" ("" if none): "lr"
    std::string_view label; ///< the window's label: "Learning rate"
    double defaultValue = 0;
    double min = 0, max = 0;
    bool minInclusive = true, maxInclusive = true;
    bool integer = false;
    bool logScale = false; ///< sliders and steps move by decades
    std::string_view help; ///< one sentence, for --help and tooltips
    /// Where a log-scale slider starts when the range itself reaches down to 0.
    double sliderMin = 0;

    /// Finite, inside the range, and whole where `integer`.
    bool accepts(double v) const;
    /// "above 0 and at most 1000", "3 to 1001": what accepts() asks for, in words.
    std::string requirement() const;
};

/// A value an OptionSpec refused: which option (by field) and what it must be.
struct OptionProblem {
    std::string field;
    std::string requirement;
};

/// Nothing when `spec` accepts `v`, else the problem.
std::optional<OptionProblem> checkOption(const OptionSpec& spec, double v);

namespace options {

// The scene.
inline constexpr OptionSpec domainBound{
    "domain",
    "domain",
    "Domain",
    0,
    -1e12,
    1e12,
    true,
    true,
    false,
    false,
    "Plot range of the two plotted inputs; each bound within +-1e12."};
inline constexpr OptionSpec resolution{"resolution",
                                       "resolution",
                                       "Resolution",
                                       101,
                                       3,
                                       1001,
                                       true,
                                       true,
                                       true,
                                       false,
                                       "Samples per axis of the surface grid."};
inline constexpr OptionSpec wireLines{"wire_lines",
                                      "wire-lines",
                                      "Wire lines",
                                      21,
                                      2,
                                      201,
                                      true,
                                      true,
                                      true,
                                      false,
                                      "Wire lines drawn per axis (the surface is sampled finer)."};
inline constexpr OptionSpec approximationOffset{
    "epsilon",
    "epsilon",
    "Offset epsilon",
    0.01,
    -1e6,
    1e6,
    true,
    true,
    false,
    false,
    "Offset from the point at which f is compared with its linear and quadratic models."};
inline constexpr OptionSpec modelRadius{
    "model_radius",
    "model-radius",
    "Model radius",
    1.0,
    0,
    1e12,
    true,
    true,
    false,
    false,
    "Half-width of the square around the point where the quadratic model is drawn (0: the "
    "whole domain)."};
inline constexpr OptionSpec boxAspect{
    "box_aspect",
    "box-aspect",
    "f height",
    0.8,
    0.05,
    20,
    true,
    true,
    false,
    false,
    "Height of the plot's box (the f axis) relative to its width, whatever the units of f."};
inline constexpr OptionSpec imageSide{"image_size",
                                      "size",
                                      "Image size",
                                      1200,
                                      16,
                                      8192,
                                      true,
                                      true,
                                      true,
                                      false,
                                      "Width or height of an exported picture, in pixels."};

// The optimizers (engine/optimizers.h).
inline constexpr OptionSpec learningRate{
    "learning_rate",
    "lr",
    "Learning rate",
    0.1,
    0,
    1e3,
    false,
    true,
    false,
    true,
    "Step size eta; for Newton, the step in flat or uphill directions.",
    1e-6};
inline constexpr OptionSpec steps{"steps",
                                  "steps",
                                  "Steps",
                                  100,
                                  0,
                                  100000,
                                  true,
                                  true,
                                  true,
                                  false,
                                  "Step budget: the run stops after this many steps."};
inline constexpr OptionSpec momentum{
    "momentum",
    "momentum",
    "Momentum",
    0.9,
    0,
    1,
    true,
    true,
    false,
    false,
    "Momentum, Nesterov and QHM coefficient beta: how much of the last step is kept."};
inline constexpr OptionSpec beta1{
    "beta1",
    "beta1",
    "Adam beta1",
    0.9,
    0,
    1,
    true,
    false,
    false,
    false,
    "Adam's and QHAdam's decay of the first moment (below 1: they divide by 1 - beta1^t)."};
inline constexpr OptionSpec beta2{"beta2",
                                  "beta2",
                                  "Adam beta2",
                                  0.999,
                                  0,
                                  1,
                                  true,
                                  false,
                                  false,
                                  false,
                                  "Adam's and QHAdam's decay of the second moment (below 1)."};
/// The epsilon of every adaptive method (AdaGrad, RMSProp, Adam, QHAdam): eta / (sqrt(v) + eps).
inline constexpr OptionSpec epsilon{
    "adaptive_epsilon",
    "eps",
    "Adaptive epsilon",
    1e-8,
    0,
    1,
    false,
    true,
    false,
    true,
    "Added to the denominator of AdaGrad, RMSProp, Adam and QHAdam so it never divides by zero.",
    1e-16};
inline constexpr OptionSpec rho{
    "rho",
    "rho",
    "RMSProp rho",
    0.9,
    0,
    1,
    true,
    false,
    false,
    false,
    "RMSProp's decay of the running mean of g^2: E <- rho E + (1-rho) g^2."};
inline constexpr OptionSpec nu{
    "nu",
    "nu",
    "QHM nu",
    0.7,
    0,
    1,
    true,
    true,
    false,
    false,
    "QHM's weight of the momentum buffer: x <- x - eta ((1-nu) g + nu b); 0 is plain gd."};
inline constexpr OptionSpec nu1{"nu1",
                                "nu1",
                                "QHAdam nu1",
                                0.7,
                                0,
                                1,
                                true,
                                true,
                                false,
                                false,
                                "QHAdam's weight of the first moment in the numerator."};
inline constexpr OptionSpec nu2{
    "nu2",
    "nu2",
    "QHAdam nu2",
    1,
    0,
    1,
    true,
    true,
    false,
    false,
    "QHAdam's weight of the second moment in the denominator (1: Adam's)."};
inline constexpr OptionSpec noise{
    "noise",
    "noise",
    "Gradient noise",
    0,
    0,
    1e6,
    true,
    true,
    false,
    false,
    "Standard deviation sigma of Gaussian noise added to every gradient (0: exact gradients)."};
/// Seeds are whole numbers a double holds exactly (below 2^53).
inline constexpr OptionSpec seed{"seed",
                                 "seed",
                                 "Noise seed",
                                 0,
                                 0,
                                 9007199254740991.0,
                                 true,
                                 true,
                                 true,
                                 false,
                                 "Seed of the gradient noise: the same seed gives the same path."};
/// The learning-rate sweep (engine/sweep.h).
inline constexpr OptionSpec sweepCount{"count",
                                       "count",
                                       "Sweep count",
                                       60,
                                       2,
                                       1000,
                                       true,
                                       true,
                                       true,
                                       false,
                                       "Learning rates of a sweep, log-spaced over --lr-range."};
/// The iterate an exported picture shows (paths drawn up to it, --show state's marks at it).
inline constexpr OptionSpec frame{"frame",
                                  "frame",
                                  "Frame",
                                  0,
                                  0,
                                  100000,
                                  true,
                                  true,
                                  true,
                                  false,
                                  "--export: draw the runs up to iterate N (0: the start) and, "
                                  "with --show state, the first run's state there."};
/// The sweep's range of learning rates (--lr-range a,b; the window's "from" and "to"): each
/// end within the learning rate's own range.
inline constexpr OptionSpec sweepFrom{"lr_range",
                                      "",
                                      "Sweep from",
                                      1e-4,
                                      0,
                                      1e3,
                                      false,
                                      true,
                                      false,
                                      true,
                                      "The smallest learning rate of a sweep.",
                                      1e-6};
inline constexpr OptionSpec sweepTo{"lr_range",
                                    "",
                                    "Sweep to",
                                    10,
                                    0,
                                    1e3,
                                    false,
                                    true,
                                    false,
                                    true,
                                    "The largest learning rate of a sweep.",
                                    1e-6};
inline constexpr OptionSpec damping{"damping",
                                    "damping",
                                    "Newton damping",
                                    1,
                                    0,
                                    1,
                                    false,
                                    true,
                                    false,
                                    false,
                                    "Newton's step scale: x <- x + damping * d."};
inline constexpr OptionSpec tolerance{"tolerance",
                                      "tolerance",
                                      "Tolerance",
                                      1e-6,
                                      0,
                                      1e6,
                                      true,
                                      true,
                                      false,
                                      false,
                                      "A run has converged when |grad f| is at most this."};

} // namespace options

} // namespace gs
