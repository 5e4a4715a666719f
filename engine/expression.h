#pragma once
// Text -> immutable expression DAG. A program is a list of statements
// (`a = ...; f = ...`); the last one is the output, earlier names are
// intermediate nodes and free identifiers are the inputs.
//
// Vectors and matrices are scalarized here, at parse time: the parser works with shaped
// values (a matrix of node indices) and emits the one scalar DAG every evaluator already
// handles, so values, exact derivatives, the graph and the optimizers see the flattened
// scalar inputs (row-major, one-based names x[1], V[1,2]). declaredInputs() keeps the shapes
// so that results can be shown in the shape of each input.

#include <cstddef>
#include <optional>
#include <span>
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
    std::string name;       ///< empty for a bare final expression
    int node = -1;          ///< a scalar statement's node; -1 for a vector or matrix (see elements)
    std::size_t offset = 0; ///< where the statement starts in the text
    int rows = 1, cols = 1; ///< its shape; the output is always 1 x 1
    std::vector<int> elements; ///< its nodes, row-major (one, equal to `node`, for a scalar)
};

/// One input as declared: a scalar `y`, a vector `x[3]` (a 3 x 1 column) or a matrix
/// `V[5,4]`. Its scalar inputs are consecutive in Expression::inputs() from `first`,
/// row-major, named one-based: x[1], x[2], x[3]; V[1,1], V[1,2], ..., V[5,4].
struct InputDeclaration {
    std::string name;
    int rows = 1, cols = 1;
    int dimensions = 0;    ///< 0 scalar, 1 vector (x[n]), 2 matrix (V[m,n])
    std::size_t first = 0; ///< index of its first scalar input
    std::size_t size() const { return std::size_t(rows) * std::size_t(cols); }
    /// The name of its scalar input k (row-major): "y", "x[2]", "V[1,3]".
    std::string elementName(std::size_t k) const;
};

/// Reads "x", "x[3]" or "V[5,4]" (white space allowed around the parts); nullopt with a
/// message in `error` when malformed (a bad name, a size below 1, too many elements).
std::optional<InputDeclaration> parseInputDeclaration(std::string_view text, std::string* error);

/// "x[2], V[5,4], y" -> {"x[2]", "V[5,4]", "y"}: splits at the commas outside brackets and
/// trims each item (an empty item stays empty, for the caller's message).
std::vector<std::string> splitVariableList(std::string_view text);

struct ParseError {
    std::string message;
    std::size_t offset = 0; ///< 0-based character offset into the text
    std::size_t length = 1; ///< how many characters the caret should cover
    int line = 1;           ///< 1-based
    int column = 1;         ///< 1-based, within the line
    /// False where the error is in the variables' or parameters' list, not in the text (no
    /// column to point at: "the variable 'x' is listed twice").
    bool inText = true;
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
    /// A variable may declare a shape: "x[3]", "V[5,4]" (parseInputDeclaration).
    static ParseResult parse(std::string_view text, const std::vector<std::string>& variables = {},
                             const std::vector<ParameterValue>& parameters = {});
    /// Like parse(), but the last statement may be a vector or matrix (its nodes are
    /// statements().back().elements; output() is then -1): a closed-form gradient, say.
    static ParseResult parseValue(std::string_view text,
                                  const std::vector<std::string>& variables = {},
                                  const std::vector<ParameterValue>& parameters = {});

    const std::string& text() const { return m_text; }
    const std::vector<Node>& nodes() const { return m_nodes; }
    /// The scalar inputs, flattened: "y", "x[1]", "x[2]", "V[1,1]", ... (the point's order).
    const std::vector<std::string>& inputs() const { return m_inputs; }
    /// The inputs as declared, with their shapes, in order; their elements cover inputs().
    const std::vector<InputDeclaration>& declaredInputs() const { return m_declared; }
    const std::vector<Statement>& statements() const { return m_statements; }
    /// The parameters it was parsed with (used or not), in the order given.
    const std::vector<ParameterValue>& parameters() const { return m_parameters; }
    int output() const { return m_statements.back().node; }
    std::size_t inputCount() const { return m_inputs.size(); }

    static constexpr std::size_t kMaxLength = 100000;
    static constexpr int kMaxDepth = 200;
    /// At most this many scalar inputs (all declarations together) and DAG nodes: a product
    /// of two large declared matrices is an error message, not an exhausted memory.
    static constexpr std::size_t kMaxScalarInputs = 100000;
    static constexpr std::size_t kMaxNodes = 2000000;

private:
    friend class Parser;
    std::string m_text;
    std::vector<Node> m_nodes;
    std::vector<std::string> m_inputs;
    std::vector<InputDeclaration> m_declared;
    std::vector<Statement> m_statements;
    std::vector<ParameterValue> m_parameters;
};

struct ParseResult {
    std::optional<Expression> expression;
    std::optional<ParseError> error;
    bool ok() const { return expression.has_value(); }
};

/// The functions of vectors and matrices (not in the scalar table, functions.h: they are
/// scalarized by the parser): sum, dot, norm, trace, with one line of help each.
struct MatrixFunction {
    const char* name;
    int arity;
    const char* help;
};
std::span<const MatrixFunction> matrixFunctions();

/// The function names the language knows, for messages and documentation (from the
/// function table, functions.h, and matrixFunctions()).
const std::vector<std::string>& knownFunctions();

/// Names that cannot be inputs or statement names: nan, inf, infinity (any case).
bool isReservedName(std::string_view name);

/// The declared inputs and the parameters f's value does not depend on (an input or
/// parameter no statement reaching the output uses), by name, in declaration order: what a
/// window flags (a name kept from an example, a slider that moves nothing).
struct UnusedNames {
    std::vector<std::string> inputs, parameters;
};
UnusedNames unusedNames(const Expression& f);

/// "line\n   ^^^" under the error's position: for terminals and logs.
std::string caretDiagram(std::string_view text, const ParseError& error);

} // namespace gs
