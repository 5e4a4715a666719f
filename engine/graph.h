#pragma once
// The computational graph of an expression at a point, for the chain rule and
// backpropagation: nodes with values and adjoints, edges with local partial
// derivatives, the forward pass, the reverse pass and forward mode as ordered steps,
// their operation counts, and every path from a node to the output.
//
// Also the engine's reverse-mode gradient (one forward sweep storing values and local
// partials, one backward sweep): for many inputs it costs a small constant times one
// evaluation, where forward-mode jets cost grows with the square of the number of inputs.

#include "expression.h"

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gs {

/// grad f(x) by reverse mode over the operation DAG; equals gradient() (forward mode) up to
/// rounding. Sub-expressions that depend on no input (x + sqrt(0)) contribute nothing, even
/// where their local derivative is infinite.
Eigen::VectorXd reverseGradient(const Expression& f, const Eigen::VectorXd& x);

enum class Granularity {
    Statements, ///< one node per input and per named statement (`a = ...; f = ...`)
    Operations, ///< one node per input and per operation of the DAG
};

struct GraphNode {
    std::string name;        ///< the input's or statement's name, or t1, t2, ... for an operation
    std::string expression;  ///< how it is computed from its parents (empty for an input)
    std::string substituted; ///< the expression with the parents' values filled in
    std::string substitutedBrief;       ///< the same with briefNumberText's numbers (for display)
    std::vector<int> parents;           ///< the nodes it is computed from, each once
    std::vector<int> inEdges, outEdges; ///< indices into ComputationalGraph::edges
    int input = -1;                     ///< index into the inputs for an input node
    double value = 0.0;                 ///< from the forward pass
    double adjoint = 0.0;               ///< df/dnode from the reverse pass (0 without a path to f)
    bool reachesOutput = false;         ///< there is a path from this node to the output
};

/// from -> to, with d to / d from at the point. A parent used twice (b = a + a) is one edge
/// whose local partial counts both uses (2).
struct GraphEdge {
    int from = -1, to = -1;
    double localPartial = 0.0;
};

/// Multiply-adds of each pass: a reverse or tangent pass costs one per edge
/// (adjoint += adjoint(child) * local partial, tangent += local partial * tangent(parent));
/// the forward pass evaluates each non-input node once. Forward mode for every input repeats
/// the tangent pass once per input; the reverse pass gives every input's partial at once.
struct OperationCounts {
    std::size_t forward = 0;
    std::size_t reverse = 0;
    std::size_t forwardModeOneInput = 0;
    std::size_t forwardModeAllInputs = 0;
};

struct ComputationalGraph {
    Granularity granularity = Granularity::Operations; ///< the one built (see buildGraph)
    std::vector<std::string> inputs;
    std::vector<GraphNode> nodes; ///< topological order; nodes[i] is input i for i < inputs
    std::vector<GraphEdge> edges; ///< grouped by their child, in node order
    int output = -1;              ///< the node of f

    /// df/d input_i for every input (the input nodes' adjoints).
    Eigen::VectorXd gradient() const;
    /// The node named `name`, or -1.
    int find(const std::string& name) const;
};

/// The graph of f at x (x in input order; missing entries are 0). Statement granularity
/// needs named statements: a program of one expression gets the operation graph, and the
/// result's `granularity` says so. Local partials are exact: for a statement, a reverse sweep
/// over its own operations with its parent statements as the leaves.
ComputationalGraph buildGraph(const Expression& f, const Eigen::VectorXd& x,
                              Granularity granularity);

/// One step of a pass: the node it computes, the edges at work, and the terms whose sum
/// (forward mode, reverse) or combination (forward) is the result.
struct GraphStep {
    int node = -1;
    std::vector<int> edges;
    /// forward: the parents' values; reverse: adjoint(child) * local partial for each edge
    /// from the node; forward mode: local partial * tangent(parent) for each edge into it.
    std::vector<double> terms;
    double result = 0.0; ///< the value, adjoint or tangent
    /// With numbers filled in, every digit (shortestNumberText), e.g. "df/da = df/du·∂u/∂a +
    /// df/dv·∂v/∂a = 64·8 + 64·8 = 512 + 512 = 1024": d for a total derivative (the adjoint
    /// df/dnode, the tangent dnode/dinput: every path), ∂ for a local partial (one edge).
    std::string formula;
    /// The same with briefNumberText's numbers ("0.367879", not "0.36787944117144233"), for
    /// display; `formula` has the full values (tooltips).
    std::string briefFormula;
};

/// The forward pass: one step per non-input node, in topological order.
std::vector<GraphStep> forwardSteps(const ComputationalGraph& g);
/// The reverse pass: one step per node, from the output back to the inputs; each node's
/// adjoint is the sum over its edges to children that reach the output.
std::vector<GraphStep> reverseSteps(const ComputationalGraph& g);
/// Forward mode for one input: tangents d node / d input, indexed like the nodes.
std::vector<double> forwardTangents(const ComputationalGraph& g, int input);
/// Forward mode for one input as steps: one per non-input node, in topological order.
std::vector<GraphStep> forwardModeSteps(const ComputationalGraph& g, int input);
/// What each pass costs on this graph.
OperationCounts operationCounts(const ComputationalGraph& g);

struct GraphPath {
    std::vector<int> nodes; ///< from the start node to the output
    std::vector<int> edges;
    double product = 1.0; ///< the product of the edges' local partials
};

struct PathEnumeration {
    std::vector<GraphPath> paths;
    /// How many paths there are (saturates at UINT64_MAX), whether listed or not.
    std::uint64_t count = 0;
    bool truncated = false; ///< more paths than the cap: only the first `cap` are listed
    double sum = 0.0;       ///< sum of the listed products: the adjoint when not truncated
    std::string message;    ///< says so when truncated
};

inline constexpr std::size_t kMaxPaths = 10000;

/// Every path from `from` to the output with the product of its local partials, depth first,
/// at most `cap` of them (never more work than the cap, whatever the graph).
PathEnumeration enumeratePaths(const ComputationalGraph& g, int from, std::size_t cap = kMaxPaths);

/// A number as the steps write it: shortest round-trip form ("1024", "-0.5", "1e-08").
std::string shortestNumberText(double v);

/// Significant digits of briefNumberText.
inline constexpr int kBriefDigits = 6;
/// A number for reading: at most kBriefDigits significant digits ("0.367879", "1024",
/// "-4096", "1e-08"); shortestNumberText when that is no longer.
std::string briefNumberText(double v);

} // namespace gs
