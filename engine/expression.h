#pragma once
// Text -> immutable expression DAG. A program is a list of statements
// (`a = ...; f = ...`); the last one is the output, earlier names are
// intermediate nodes and free identifiers are the inputs.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs {

enum class Op {
    Constant,
    Input,
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Neg,
    Exp,
    Log,
    Sqrt,
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Sinh,
    Cosh,
    Tanh,
    Abs,
    Sigmoid,
    Softplus,
};

/// One node of the DAG. Children always have smaller indices (topological order).
struct Node {
    Op op = Op::Constant;
    int a = -1; ///< first operand
    int b = -1; ///< second operand (binary ops only)
    /// Op::Constant: the number. Any node with `variable == false`: its value, folded once
    /// at parse time (a sub-expression that depends on no input is a constant).
    double value = 0.0;
    int input = -1;                     ///< Op::Input: index into Expression::inputs()
    std::size_t offset = 0, length = 0; ///< where the node came from in the text
    /// Depends on an input: an Input, or an op with a variable operand. Evaluators treat a
    /// node with `variable == false` as the constant `value` (zero derivatives, whatever
    /// its local derivative: x + sqrt(0) has gradient 1), and `a ^ b` with a constant `b`
    /// by the power rule.
    bool variable = false;
    /// Op::Constant named by a parameter: index into Expression::parameters() (its text is
    /// the name, so the graph shows `a`, not its value), else -1.
    int parameter = -1;
};

struct Statement {
    std::string name; ///< empty for a bare final expression
    int node = -1;
    std::size_t offset = 0; ///< where the statement starts in the text
};

struct ParseError {
    std::string message;
    std::size_t offset = 0; ///< 0-based character offset into the text
    std::size_t length = 1; ///< how many characters the caret should cover
    int line = 1;           ///< 1-based
    int column = 1;         ///< 1-based, within the line
    /// Symbols that are neither inputs, statements, functions nor parameters (in order of
    /// first use), when that is the error: what a window can offer to make parameters.
    std::vector<std::string> unknownNames = {};
};

struct ParseResult;

/// A named constant whose value a person chooses (a slider): a constant with respect to the
/// inputs (zero derivatives), named in the text and the graph.
struct ParameterValue {
    std::string name;
    double value = 0.0;
    bool operator==(const ParameterValue&) const = default;
};

class Expression {
public:
    /// Parses `text`. Inputs are the free identifiers in alphabetical order, or
    /// exactly `variables` in that order when given (an identifier outside the
    /// list is then an error; a listed name that is never used is still an input).
    /// A name in `parameters` is that constant, never an input; a name both a variable and a
    /// parameter, or a parameter that is assigned, is an error.
    static ParseResult parse(std::string_view text, const std::vector<std::string>& variables = {},
                             const std::vector<ParameterValue>& parameters = {});

    const std::string& text() const { return m_text; }
    const std::vector<Node>& nodes() const { return m_nodes; }
    const std::vector<std::string>& inputs() const { return m_inputs; }
    const std::vector<Statement>& statements() const { return m_statements; }
    /// The parameters it was parsed with (used or not), in the order given.
    const std::vector<ParameterValue>& parameters() const { return m_parameters; }
    int output() const { return m_statements.back().node; }
    std::size_t inputCount() const { return m_inputs.size(); }

    static constexpr std::size_t kMaxLength = 100000;
    static constexpr int kMaxDepth = 200;

private:
    friend class Parser;
    std::string m_text;
    std::vector<Node> m_nodes;
    std::vector<std::string> m_inputs;
    std::vector<Statement> m_statements;
    std::vector<ParameterValue> m_parameters;
};

struct ParseResult {
    std::optional<Expression> expression;
    std::optional<ParseError> error;
    bool ok() const { return expression.has_value(); }
};

/// The function names the language knows, for messages and documentation (from the
/// function table, functions.h).
const std::vector<std::string>& knownFunctions();

/// Names that cannot be inputs or statement names: nan, inf, infinity (any case).
bool isReservedName(std::string_view name);

/// "line\n   ^^^" under the error's position: for terminals and logs.
std::string caretDiagram(std::string_view text, const ParseError& error);

} // namespace gs
