#include "expression.h"

#include "evaluation.h"
#include "functions.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numbers>
#include <set>

namespace gs {

namespace {

std::optional<double> findConstant(std::string_view name) {
    if (name == "pi")
        return std::numbers::pi;
    if (name == "e")
        return std::numbers::e;
    return std::nullopt;
}

// Edits between two names: insertions, deletions, substitutions and swaps of two adjacent
// letters, one each (optimal string alignment): "sni" is one swap from "sin".
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                                d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

enum class Tok {
    Number,
    Ident,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Quote,    ///< ' (transpose)
    DotStar,  ///< .*
    DotSlash, ///< ./
    DotCaret, ///< .^
    Comma,
    Assign,
    Separator,
    End
};

struct Token {
    Tok kind;
    std::size_t offset, length;
    double number = 0.0;
};

std::string describe(const Token& t, std::string_view text) {
    if (t.kind == Tok::End)
        return "the end of the input";
    if (t.kind == Tok::Separator)
        return text[t.offset] == ';' ? "';'" : "the end of the line";
    std::string quoted = "'"; // appended, not "'" + string(...): GCC 12 -Wrestrict false alarm
    quoted += text.substr(t.offset, t.length);
    quoted += '\'';
    return quoted;
}

} // namespace

std::span<const MatrixFunction> matrixFunctions() {
    static constexpr MatrixFunction table[] = {
        {"sum", 1, "sum(A): the sum of the entries of a vector or matrix"},
        {"dot", 2, "dot(a, b): sum of a_i b_i over two vectors (or matrices) of equal shape"},
        {"norm", 1, "norm(v): the 2-norm of a vector, the Frobenius norm of a matrix"},
        {"trace", 1, "trace(A): the sum of the diagonal of a square matrix"},
    };
    return table;
}

std::string InputDeclaration::elementName(std::size_t k) const {
    if (dimensions == 0)
        return name;
    const std::size_t c = std::size_t(cols);
    std::string s = name;
    s += '[';
    if (dimensions == 1) {
        s += std::to_string(k + 1);
    } else {
        s += std::to_string(k / c + 1);
        s += ',';
        s += std::to_string(k % c + 1);
    }
    s += ']';
    return s;
}

namespace {

std::string_view trim(std::string_view t) {
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front())))
        t.remove_prefix(1);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back())))
        t.remove_suffix(1);
    return t;
}

bool isIdentifier(std::string_view t) {
    if (t.empty() || std::isdigit(static_cast<unsigned char>(t.front())))
        return false;
    return std::all_of(t.begin(), t.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
}

} // namespace

std::optional<InputDeclaration> parseInputDeclaration(std::string_view text, std::string* error) {
    auto failed = [&](std::string message) -> std::optional<InputDeclaration> {
        if (error)
            *error = std::move(message);
        return std::nullopt;
    };
    const std::string_view t = trim(text);
    InputDeclaration d;
    const std::size_t open = t.find('[');
    d.name = std::string(trim(t.substr(0, open)));
    if (!isIdentifier(d.name))
        return failed("the variable '" + std::string(t) +
                      "' is not a name (letters, digits and _, not starting with a digit)" +
                      (open == std::string_view::npos ? "" : " followed by a shape [n] or [m,n]"));
    if (open == std::string_view::npos)
        return d;
    if (t.back() != ']')
        return failed("the variable '" + std::string(t) + "' has an unclosed shape: write " +
                      d.name + "[3] or " + d.name + "[2,3]");
    const std::string_view inside = t.substr(open + 1, t.size() - open - 2);
    std::vector<int> sizes;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = inside.find(',', start);
        const std::string_view part = trim(inside.substr(start, comma - start));
        int v = 0;
        const auto r = std::from_chars(part.data(), part.data() + part.size(), v);
        if (part.empty() || r.ec != std::errc() || r.ptr != part.data() + part.size() || v < 1)
            return failed("the variable '" + std::string(t) + "': the size '" + std::string(part) +
                          "' is not a whole number of at least 1");
        sizes.push_back(v);
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    if (sizes.size() > 2)
        return failed("the variable '" + std::string(t) +
                      "' has more than two sizes: vectors x[n] and matrices V[m,n] only");
    d.dimensions = int(sizes.size());
    d.rows = sizes[0];
    d.cols = sizes.size() == 2 ? sizes[1] : 1;
    if (double(d.rows) * double(d.cols) > double(Expression::kMaxScalarInputs))
        return failed("the variable '" + std::string(t) + "' has " +
                      std::to_string(std::size_t(d.rows) * std::size_t(d.cols)) +
                      " elements; at most " + std::to_string(Expression::kMaxScalarInputs));
    return d;
}

std::vector<std::string> splitVariableList(std::string_view text) {
    std::vector<std::string> items;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : ',';
        if (c == '[')
            ++depth;
        else if (c == ']' && depth > 0)
            --depth;
        else if (c == ',' && (depth == 0 || i == text.size())) {
            items.emplace_back(trim(text.substr(start, i - start)));
            start = i + 1;
        }
    }
    return items;
}

const std::vector<std::string>& knownFunctions() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& f : functionTable()) {
            if (f.name)
                v.emplace_back(f.name);
            if (f.alias)
                v.emplace_back(f.alias);
        }
        for (const auto& f : matrixFunctions())
            v.emplace_back(f.name);
        return v;
    }();
    return names;
}

bool isReservedName(std::string_view name) {
    auto is = [name](std::string_view reserved) {
        return name.size() == reserved.size() &&
               std::equal(name.begin(), name.end(), reserved.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) == b;
               });
    };
    return is("nan") || is("inf") || is("infinity");
}

struct ParseFailure {
    std::string message;
    std::size_t offset, length;
    std::vector<std::string> unknownNames = {};
    bool inText = true; ///< false: an error in the variables' or parameters' list
};

class Parser {
public:
    Parser(std::string_view text, const std::vector<std::string>& variables,
           const std::vector<ParameterValue>& parameters, bool shapedResult = false)
        : m_text(text)
        , m_variables(variables)
        , m_parameters(parameters)
        , m_shapedResult(shapedResult) {}

    ParseResult run() {
        ParseResult result;
        try {
            if (m_text.size() > Expression::kMaxLength)
                fail("the input is too long (" + std::to_string(m_text.size()) +
                         " characters; at most " + std::to_string(Expression::kMaxLength) + ")",
                     Expression::kMaxLength, 1);
            checkParameters();
            declare();
            tokenize();
            try {
                parseProgram();
            } catch (const ParseFailure& f) {
                // An undeclared name is parsed as a scalar input, so a shape error after it
                // (`U * W` with W unknown: "(4x2) - scalar") is its consequence: say first
                // that the name is unknown.
                // (Every name met so far was met before the failure: parsing is in order.)
                if (f.unknownNames.empty())
                    if (auto u = unknownNamesFailure(std::string::npos))
                        throw *u;
                throw;
            }
            finish();
            result.expression = std::move(m_expr);
        } catch (const ParseFailure& f) {
            ParseError e{f.message, f.offset, std::max<std::size_t>(f.length, 1), 1, 1};
            e.unknownNames = f.unknownNames;
            e.inText = f.inText;
            for (std::size_t i = 0; i < f.offset && i < m_text.size(); ++i) {
                if (m_text[i] == '\n') {
                    ++e.line;
                    e.column = 1;
                } else if ((m_text[i] & 0xC0) != 0x80) { // columns count characters
                    ++e.column;
                }
            }
            result.error = e;
        }
        return result;
    }

private:
    [[noreturn]] void fail(std::string message, std::size_t offset, std::size_t length) {
        throw ParseFailure{std::move(message), offset, length};
    }
    /// An error in the variables' or parameters' list: nowhere in the text.
    [[noreturn]] void failList(std::string message) {
        throw ParseFailure{std::move(message), 0, m_text.size(), {}, false};
    }

    // 1-based column of a character offset within its line (characters, not bytes).
    int columnOf(std::size_t offset) const {
        int column = 1;
        for (std::size_t i = 0; i < offset && i < m_text.size(); ++i) {
            if (m_text[i] == '\n')
                column = 1;
            else if ((m_text[i] & 0xC0) != 0x80)
                ++column;
        }
        return column;
    }

    void tokenize() {
        int parens = 0; // open parentheses and brackets
        std::vector<std::size_t> open;
        std::size_t i = 0;
        auto push = [&](Tok k, std::size_t len) {
            m_tokens.push_back({k, i, len});
            i += len;
        };
        while (i < m_text.size()) {
            const char c = m_text[i];
            if (c == '\n') {
                // Inside parentheses or brackets a line break is only white space.
                if (parens > 0)
                    ++i;
                else
                    push(Tok::Separator, 1);
            } else if (std::isspace(static_cast<unsigned char>(c))) {
                ++i;
            } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                       (c == '.' && i + 1 < m_text.size() &&
                        std::isdigit(static_cast<unsigned char>(m_text[i + 1])))) {
                lexNumber(i);
            } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
                std::size_t j = i;
                while (j < m_text.size() &&
                       (std::isalnum(static_cast<unsigned char>(m_text[j])) || m_text[j] == '_'))
                    ++j;
                push(Tok::Ident, j - i);
            } else if (c == '*' && i + 1 < m_text.size() && m_text[i + 1] == '*') {
                push(Tok::Caret, 2);
            } else if (c == '.' && i + 1 < m_text.size() &&
                       (m_text[i + 1] == '*' || m_text[i + 1] == '/' || m_text[i + 1] == '^')) {
                push(m_text[i + 1] == '*'   ? Tok::DotStar
                     : m_text[i + 1] == '/' ? Tok::DotSlash
                                            : Tok::DotCaret,
                     2);
            } else {
                switch (c) {
                case '+':
                    push(Tok::Plus, 1);
                    break;
                case '-':
                    push(Tok::Minus, 1);
                    break;
                case '*':
                    push(Tok::Star, 1);
                    break;
                case '/':
                    push(Tok::Slash, 1);
                    break;
                case '^':
                    push(Tok::Caret, 1);
                    break;
                case ',':
                    push(Tok::Comma, 1);
                    break;
                case '=':
                    push(Tok::Assign, 1);
                    break;
                case ';':
                    push(Tok::Separator, 1);
                    break;
                case '\'':
                    push(Tok::Quote, 1);
                    break;
                case '(':
                case '[':
                    open.push_back(i);
                    ++parens;
                    push(c == '(' ? Tok::LParen : Tok::LBracket, 1);
                    break;
                case ')':
                case ']': {
                    const char want = c == ')' ? '(' : '[';
                    if (parens == 0)
                        fail(c == ')' ? "unbalanced parenthesis: this ')' has no matching '('"
                                      : "unbalanced bracket: this ']' has no matching '['",
                             i, 1);
                    if (m_text[open.back()] != want)
                        fail(std::string("this '") + c + "' closes the '" + m_text[open.back()] +
                                 "' at column " + std::to_string(columnOf(open.back())) +
                                 ", which needs a '" + (want == '(' ? ']' : ')') + "' first",
                             i, 1);
                    open.pop_back();
                    --parens;
                    push(c == ')' ? Tok::RParen : Tok::RBracket, 1);
                    break;
                }
                default: {
                    // Report a whole UTF-8 character, not its first byte.
                    std::size_t len = 1;
                    while (i + len < m_text.size() && (m_text[i + len] & 0xC0) == 0x80)
                        ++len;
                    fail("unexpected character '" + std::string(m_text.substr(i, len)) + "'", i,
                         len);
                }
                }
            }
        }
        if (!open.empty())
            fail(m_text[open.back()] == '(' ? "unbalanced parenthesis: this '(' is never closed"
                                            : "unbalanced bracket: this '[' is never closed",
                 open.back(), 1);
        m_tokens.push_back({Tok::End, m_text.size(), 0});
    }

    void lexNumber(std::size_t& i) {
        std::size_t j = i;
        auto digits = [&] {
            while (j < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[j])))
                ++j;
        };
        digits();
        if (j < m_text.size() && m_text[j] == '.') {
            ++j;
            digits();
        }
        if (j < m_text.size() && (m_text[j] == 'e' || m_text[j] == 'E')) {
            std::size_t k = j + 1;
            if (k < m_text.size() && (m_text[k] == '+' || m_text[k] == '-'))
                ++k;
            if (k < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[k]))) {
                j = k;
                digits();
            } else if (k < m_text.size() && !std::isalpha(static_cast<unsigned char>(m_text[k])) &&
                       m_text[k] != '_') {
                fail("malformed number: the exponent after 'e' has no digits", i, k - i);
            } else if (k >= m_text.size()) {
                fail("malformed number: the exponent after 'e' has no digits", i, k - i);
            }
            // "2e" followed by a letter is left for the missing-operator message.
        }
        double value = 0.0;
        const auto r = std::from_chars(m_text.data() + i, m_text.data() + j, value);
        if (r.ec == std::errc::result_out_of_range)
            fail("number out of range", i, j - i);
        Token t{Tok::Number, i, j - i, value};
        m_tokens.push_back(t);
        i = j;
    }

    const Token& peek() const { return m_tokens[m_pos]; }
    const Token& take() { return m_tokens[m_pos++]; }
    std::string_view textOf(const Token& t) const { return m_text.substr(t.offset, t.length); }

    // Appends a node. Whether it depends on an input is known here (children come first);
    // a node that does not is folded: its value is computed once, with the evaluators' rules.
    int add(Node n) {
        const auto& nodes = m_expr.m_nodes;
        if (nodes.size() >= Expression::kMaxNodes)
            fail("the expression is too large (more than " + std::to_string(Expression::kMaxNodes) +
                     " scalar operations)",
                 n.offset, n.length);
        if (n.op == Op::Input) {
            n.variable = true;
        } else if (n.op != Op::Constant) {
            const Node& a = nodes[static_cast<std::size_t>(n.a)];
            const Node* b = n.b >= 0 ? &nodes[static_cast<std::size_t>(n.b)] : nullptr;
            n.variable = a.variable || (b && b->variable);
            if (!n.variable)
                n.value = b ? applyBinary(n.op, a.value, b->value) : applyUnary(n.op, a.value);
        }
        m_expr.m_nodes.push_back(n);
        return static_cast<int>(m_expr.m_nodes.size()) - 1;
    }

    // A value of the language: a rows x cols matrix of DAG nodes, row-major. A scalar is
    // 1 x 1, a vector a column (n x 1) unless transposed. Every operation on shaped values
    // emits scalar nodes: the DAG stays scalar (scalarization at parse time).
    struct Shaped {
        int rows = 1, cols = 1;
        std::vector<int> e;
        bool scalar() const { return rows == 1 && cols == 1; }
        bool vector() const { return rows == 1 || cols == 1; }
        int at(int i, int j) const {
            return e[std::size_t(i) * std::size_t(cols) + std::size_t(j)];
        }
        std::size_t size() const { return e.size(); }
    };
    static Shaped scalarValue(int node) { return {1, 1, {node}}; }
    static std::string shapeText(const Shaped& v) {
        return "(" + std::to_string(v.rows) + "x" + std::to_string(v.cols) + ")";
    }
    int node(Op op, int a, int b, const Token& at) {
        return add({op, a, b, 0, -1, at.offset, at.length});
    }
    int scalarOf(const Shaped& v) const { return v.e[0]; }

    // A sum of terms, added pairwise (a balanced tree): rounding error grows with log2 n
    // instead of n, and the DAG stays shallow for the graph's sweeps.
    int sumOf(const std::vector<int>& terms, std::size_t lo, std::size_t hi, const Token& at) {
        if (hi - lo == 1)
            return terms[lo];
        const std::size_t mid = lo + (hi - lo) / 2;
        const int left = sumOf(terms, lo, mid, at);
        return node(Op::Add, left, sumOf(terms, mid, hi, at), at);
    }

    // a op b entry by entry: equal shapes, or (when `broadcast`) a scalar with anything.
    Shaped elementwise(Op op, const Shaped& a, const Shaped& b, const Token& at, bool broadcast,
                       const char* rule) {
        if (a.rows != b.rows || a.cols != b.cols) {
            if (!(broadcast && (a.scalar() || b.scalar())))
                fail(shapeText(a) + " " + std::string(textOf(at)) + " " + shapeText(b) +
                         ": shapes differ; " + rule,
                     at.offset, at.length);
        }
        const Shaped& shape = a.scalar() ? b : a;
        Shaped r{shape.rows, shape.cols, {}};
        r.e.reserve(shape.size());
        for (std::size_t k = 0; k < shape.size(); ++k)
            r.e.push_back(node(op, a.e[a.scalar() ? 0 : k], b.e[b.scalar() ? 0 : k], at));
        return r;
    }

    // A one-argument function or unary minus, entry by entry.
    Shaped map(Op op, const Shaped& v, const Token& at) {
        Shaped r{v.rows, v.cols, {}};
        r.e.reserve(v.size());
        for (const int k : v.e)
            r.e.push_back(add({op, k, -1, 0, -1, at.offset, at.length}));
        return r;
    }

    // Matrix product; a scalar multiplies anything entry by entry.
    // (AB)_ij = sum_k A_ik B_kj.
    Shaped product(const Shaped& a, const Shaped& b, const Token& at) {
        if (a.scalar() || b.scalar())
            return elementwise(Op::Mul, a, b, at, true, "");
        if (a.cols != b.rows)
            fail(shapeText(a) + " * " + shapeText(b) + ": inner dimensions differ (" +
                     std::to_string(a.cols) + " columns times " + std::to_string(b.rows) +
                     " rows); use .* for the elementwise product",
                 at.offset, at.length);
        Shaped r{a.rows, b.cols, {}};
        r.e.reserve(std::size_t(a.rows) * std::size_t(b.cols));
        std::vector<int> terms(std::size_t(a.cols));
        for (int i = 0; i < a.rows; ++i)
            for (int j = 0; j < b.cols; ++j) {
                for (int k = 0; k < a.cols; ++k)
                    terms[std::size_t(k)] = node(Op::Mul, a.at(i, k), b.at(k, j), at);
                r.e.push_back(sumOf(terms, 0, terms.size(), at));
            }
        return r;
    }

    static Shaped transpose(const Shaped& v) {
        Shaped r{v.cols, v.rows, std::vector<int>(v.size())};
        for (int i = 0; i < v.rows; ++i)
            for (int j = 0; j < v.cols; ++j)
                r.e[std::size_t(j) * std::size_t(v.rows) + std::size_t(i)] = v.at(i, j);
        return r;
    }

    void parseProgram() {
        bool any = false;
        while (peek().kind != Tok::End) {
            if (peek().kind == Tok::Separator) {
                take();
                continue;
            }
            if (any && m_expr.m_statements.back().name.empty())
                fail("only the last statement may be a bare expression; name it: 'a = ...'",
                     m_expr.m_statements.back().offset, 1);
            parseStatement();
            any = true;
            const Token& t = peek();
            if (t.kind != Tok::Separator && t.kind != Tok::End)
                unexpected(t);
        }
        if (!any)
            fail("empty expression: type a function such as x*exp(-x^2-y^2)", 0,
                 std::max<std::size_t>(m_text.size(), 1));
        const Statement& last = m_expr.m_statements.back();
        if (!m_shapedResult && (last.rows != 1 || last.cols != 1))
            fail("the function's result must be a scalar, got (" + std::to_string(last.rows) + "x" +
                     std::to_string(last.cols) +
                     "): reduce it, e.g. with sum(...), norm(...), dot(a, b) or x' * A * x",
                 last.offset, m_lastStatementLength);
    }

    void addStatement(std::string name, const Shaped& v, std::size_t start) {
        Statement s{std::move(name), v.scalar() ? v.e[0] : -1, start, v.rows, v.cols, v.e};
        m_expr.m_statements.push_back(std::move(s));
        m_lastStatementLength = m_tokens[m_pos - 1].offset + m_tokens[m_pos - 1].length - start;
    }

    bool isDeclared(const std::string& n) const {
        return std::any_of(m_declarations.begin(), m_declarations.end(),
                           [&](const InputDeclaration& d) { return d.name == n; });
    }
    const InputDeclaration* declaration(const std::string& n) const {
        for (const auto& d : m_declarations)
            if (d.name == n)
                return &d;
        return nullptr;
    }

    void parseStatement() {
        const std::size_t start = peek().offset;
        if (peek().kind == Tok::Ident && m_tokens[m_pos + 1].kind == Tok::Assign) {
            const Token name = take();
            const Token assign = take();
            const std::string n(textOf(name));
            if (isReservedName(n))
                reserved(name);
            if (findFunction(n) || isMatrixFunction(n))
                fail("'" + n + "' is a function and cannot be assigned", name.offset, name.length);
            if (findConstant(n))
                fail("'" + n + "' is a constant and cannot be assigned", name.offset, name.length);
            if (m_defined.count(n))
                fail("'" + n + "' is defined twice", name.offset, name.length);
            if (isDeclared(n))
                fail("'" + n + "' is listed as a variable and cannot also be defined", name.offset,
                     name.length);
            if (findParameter(n) >= 0)
                fail("'" + n + "' is a parameter and cannot also be defined", name.offset,
                     name.length);
            if (peek().kind == Tok::Separator || peek().kind == Tok::End)
                fail("expected an expression after '='", assign.offset, 1);
            const Shaped value = parseExpression(0);
            m_defined[n] = value;
            addStatement(n, value, start);
        } else {
            const Shaped value = parseExpression(0);
            addStatement("", value, start);
        }
    }

    void enter(int depth, const Token& at) {
        if (depth > Expression::kMaxDepth)
            fail("the expression is nested too deeply (more than " +
                     std::to_string(Expression::kMaxDepth) + " levels)",
                 at.offset, 1);
    }

    // expression := term (('+' | '-') term)*; shapes must be equal.
    Shaped parseExpression(int depth) {
        Shaped left = parseTerm(depth);
        while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
            const Token op = take();
            const Shaped right = parseTerm(depth);
            left = elementwise(op.kind == Tok::Plus ? Op::Add : Op::Sub, left, right, op, false,
                               "+ and - need equal shapes");
        }
        return left;
    }

    // term := unary (('*' | '/' | '.*' | './') unary)*
    Shaped parseTerm(int depth) {
        Shaped left = parseUnary(depth);
        while (peek().kind == Tok::Star || peek().kind == Tok::Slash ||
               peek().kind == Tok::DotStar || peek().kind == Tok::DotSlash) {
            const Token op = take();
            const Shaped right = parseUnary(depth);
            switch (op.kind) {
            case Tok::Star:
                left = product(left, right, op);
                break;
            case Tok::Slash:
                if (!right.scalar())
                    fail(shapeText(left) + " / " + shapeText(right) +
                             ": the divisor must be a scalar; use ./ to divide entry by entry",
                         op.offset, op.length);
                left = elementwise(Op::Div, left, right, op, true, "");
                break;
            case Tok::DotStar:
                left = elementwise(Op::Mul, left, right, op, true,
                                   ".* needs equal shapes (or a scalar)");
                break;
            default:
                left = elementwise(Op::Div, left, right, op, true,
                                   "./ needs equal shapes (or a scalar)");
            }
        }
        return left;
    }

    // unary := ('-' | '+') unary | power. Power binds tighter: -x^2 = -(x^2).
    Shaped parseUnary(int depth) {
        enter(depth, peek());
        if (peek().kind == Tok::Minus || peek().kind == Tok::Plus) {
            const Token op = take();
            const Shaped operand = parseUnary(depth + 1);
            if (op.kind == Tok::Plus)
                return operand;
            return map(Op::Neg, operand, op);
        }
        return parsePower(depth);
    }

    // power := postfix (('^' | '**' | '.^') unary)?, right-associative through unary.
    Shaped parsePower(int depth) {
        const Shaped base = parsePostfix(depth);
        if (peek().kind == Tok::Caret || peek().kind == Tok::DotCaret) {
            const Token op = take();
            const Shaped exponent = parseUnary(depth + 1);
            if (op.kind == Tok::Caret && !(base.scalar() && exponent.scalar()))
                fail(shapeText(base) + " " + std::string(textOf(op)) + " " + shapeText(exponent) +
                         ": powers of vectors and matrices are not defined; use .^ for entry "
                         "by entry",
                     op.offset, op.length);
            if (const std::optional<int> squares = normSquared(base, exponent))
                return scalarValue(*squares);
            return elementwise(Op::Pow, base, exponent, op, true,
                               ".^ needs equal shapes (or a scalar)");
        }
        return base;
    }

    // norm(A)^2 is sum_ij A_ij^2, not sqrt(.)^2: the same value, but its derivatives through
    // sqrt are 0 * inf where A = 0 (a least-squares loss at an exact fit, the factorization
    // example's minimiser) and lose accuracy near it, and the squares round once less. Only a
    // literal 2: a parameter may be moved to another value.
    std::optional<int> normSquared(const Shaped& base, const Shaped& exponent) {
        if (!base.scalar() || !exponent.scalar())
            return std::nullopt;
        const auto found = m_squaresUnderNorm.find(base.e[0]);
        const Node& power = m_expr.m_nodes[std::size_t(exponent.e[0])];
        if (found == m_squaresUnderNorm.end() || power.op != Op::Constant || power.parameter >= 0 ||
            power.value != 2.0)
            return std::nullopt;
        Node squares = m_expr.m_nodes[std::size_t(found->second)]; // spans norm(...)^2
        const Node& root = m_expr.m_nodes[std::size_t(base.e[0])];
        squares.length = power.offset + power.length - root.offset;
        squares.offset = root.offset;
        return add(squares);
    }

    // postfix := primary ("'" | '[' index (',' index)? ']')*
    Shaped parsePostfix(int depth) {
        Shaped v = parsePrimary(depth);
        while (peek().kind == Tok::Quote || peek().kind == Tok::LBracket) {
            const Token t = take();
            if (t.kind == Tok::Quote)
                v = transpose(v);
            else
                v = parseIndex(v, t, depth);
        }
        return v;
    }

    // One index: a constant whole number from 1 to `count` (one-based, as x_1 in the book).
    int parseOneIndex(int count, const Shaped& of, int depth) {
        const std::size_t first = m_pos;
        const Shaped i = parseExpression(depth + 1);
        const std::size_t from = m_tokens[first].offset;
        const std::size_t length = m_tokens[m_pos - 1].offset + m_tokens[m_pos - 1].length - from;
        if (!i.scalar())
            fail("an index must be a number, got " + shapeText(i), from, length);
        const Node& n = m_expr.m_nodes[std::size_t(i.e[0])];
        if (n.variable)
            fail("an index must be a constant whole number, not depend on an input", from, length);
        if (!(n.value == std::floor(n.value)) || n.value < 1 || n.value > count)
            fail("index " + formatIndex(n.value) + " is out of range for " + shapeText(of) +
                     ": indices run from 1 to " + std::to_string(count) + " (one-based)",
                 from, length);
        return int(n.value) - 1;
    }

    static std::string formatIndex(double v) {
        if (v == std::floor(v) && std::abs(v) < 1e15)
            return std::to_string(static_cast<long long>(v));
        char buffer[32];
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
        return std::string(buffer, r.ptr);
    }

    Shaped parseIndex(const Shaped& v, const Token& open, int depth) {
        enter(depth + 1, open);
        std::vector<int> idx;
        idx.push_back(parseOneIndex(v.vector() ? int(v.size()) : v.rows, v, depth));
        if (peek().kind == Tok::Comma) {
            take();
            idx.push_back(parseOneIndex(v.cols, v, depth));
        }
        expect(Tok::RBracket, "']' or ','");
        if (idx.size() == 1) {
            if (!v.vector())
                fail(shapeText(v) + " is a matrix: index it with a row and a column, as in A[1, 2]",
                     open.offset, m_tokens[m_pos - 1].offset + 1 - open.offset);
            return scalarValue(v.e[std::size_t(idx[0])]);
        }
        // Two indices: the first was checked against the rows only when v is a matrix.
        if (v.vector() && idx[0] >= v.rows)
            fail("row " + std::to_string(idx[0] + 1) + " is out of range for " + shapeText(v) +
                     ": rows run from 1 to " + std::to_string(v.rows) + " (one-based)",
                 open.offset, m_tokens[m_pos - 1].offset + 1 - open.offset);
        return scalarValue(v.at(idx[0], idx[1]));
    }

    // '[' ... ']': numbers (or scalars) make a column vector; vectors of equal length make
    // the rows of a matrix: [1, 2, 3] is 3 x 1, [[2, 1], [1, 3]] is 2 x 2, [[1, 2, 3]] is 1 x 3.
    Shaped parseLiteral(const Token& open, int depth) {
        enter(depth + 1, open);
        if (peek().kind == Tok::RBracket)
            fail("empty brackets: a vector needs at least one entry, as in [1, 2]", open.offset, 2);
        std::vector<Shaped> items;
        std::vector<std::size_t> starts;
        while (true) {
            starts.push_back(peek().offset);
            items.push_back(parseExpression(depth + 1));
            if (peek().kind != Tok::Comma)
                break;
            take();
        }
        expect(Tok::RBracket, "']' or ','");
        const bool allScalars =
            std::all_of(items.begin(), items.end(), [](const Shaped& s) { return s.scalar(); });
        Shaped r;
        if (allScalars) {
            r.rows = int(items.size());
            r.cols = 1;
            for (const auto& s : items)
                r.e.push_back(s.e[0]);
            return r;
        }
        r.rows = int(items.size());
        r.cols = int(items[0].size());
        for (std::size_t k = 0; k < items.size(); ++k) {
            if (!items[k].vector())
                fail("row " + std::to_string(k + 1) + " of this matrix is a matrix " +
                         shapeText(items[k]) +
                         ": each row must be a vector, as in [[1, 2], [3, 4]]",
                     starts[k], 1);
            if (int(items[k].size()) != r.cols)
                fail("the rows of a matrix must have equal lengths: row 1 has " +
                         std::to_string(r.cols) + " entries, row " + std::to_string(k + 1) +
                         " has " + std::to_string(items[k].size()),
                     starts[k], 1);
            r.e.insert(r.e.end(), items[k].e.begin(), items[k].e.end());
        }
        return r;
    }

    [[noreturn]] void unexpected(const Token& t) {
        switch (t.kind) {
        case Tok::Number:
        case Tok::Ident:
        case Tok::LParen:
            fail("missing operator before " + describe(t, m_text) + " (write 2*x, not 2x)",
                 t.offset, t.length);
        case Tok::Assign:
            fail("unexpected '=': only a name can be assigned, as in 'a = x + y'", t.offset, 1);
        case Tok::RParen:
            fail("unexpected ')'", t.offset, 1);
        default:
            fail("unexpected " + describe(t, m_text), t.offset, std::max<std::size_t>(t.length, 1));
        }
    }

    Shaped parsePrimary(int depth) {
        const Token t = take();
        switch (t.kind) {
        case Tok::Number:
            return scalarValue(add({Op::Constant, -1, -1, t.number, -1, t.offset, t.length}));
        case Tok::LParen: {
            enter(depth + 1, t);
            Shaped inner = parseExpression(depth + 1);
            expect(Tok::RParen, "')'");
            return inner;
        }
        case Tok::LBracket:
            return parseLiteral(t, depth);
        case Tok::Ident:
            return parseIdentifier(t, depth);
        default: {
            // Name the operator that is missing its operand; at the end of the input
            // or a line, point at that operator, otherwise at what was found instead.
            const Token& before = m_tokens[m_pos >= 2 ? m_pos - 2 : 0];
            const bool afterOperator = m_pos >= 2 && before.kind != Tok::Number &&
                                       before.kind != Tok::Ident && before.kind != Tok::RParen &&
                                       before.kind != Tok::RBracket && before.kind != Tok::Quote &&
                                       before.kind != Tok::Separator;
            const std::string found = describe(t, m_text);
            if (!afterOperator)
                fail("expected an operand, found " + found, t.offset,
                     std::max<std::size_t>(t.length, 1));
            const bool atEnd = t.kind == Tok::End || t.kind == Tok::Separator;
            fail("expected an operand after " + describe(before, m_text) + ", found " + found,
                 atEnd ? before.offset : t.offset, atEnd ? before.length : t.length);
        }
        }
    }

    void expect(Tok kind, const char* what) {
        const Token& t = peek();
        if (t.kind != kind) {
            if (t.kind == Tok::Number || t.kind == Tok::Ident || t.kind == Tok::LParen)
                unexpected(t);
            fail(std::string("expected ") + what + ", found " + describe(t, m_text), t.offset,
                 std::max<std::size_t>(t.length, 1));
        }
        take();
    }

    [[noreturn]] void reserved(const Token& t) {
        const std::string name(textOf(t));
        fail("'" + name +
                 "' is reserved (not a number, infinity): it cannot name an input or a value",
             t.offset, t.length);
    }

    static bool isMatrixFunction(const std::string& name) {
        const auto table = matrixFunctions();
        return std::any_of(table.begin(), table.end(),
                           [&](const MatrixFunction& f) { return name == f.name; });
    }

    std::vector<Shaped> parseArguments(int depth) {
        const Token open = take();
        enter(depth + 1, open);
        std::vector<Shaped> args;
        if (peek().kind != Tok::RParen) {
            args.push_back(parseExpression(depth + 1));
            while (peek().kind == Tok::Comma) {
                take();
                args.push_back(parseExpression(depth + 1));
            }
        }
        expect(Tok::RParen, "')' or ','");
        return args;
    }

    // sum, dot, norm, trace: reductions of shaped values to one scalar.
    Shaped parseMatrixFunction(const std::string& name, const Token& t, int depth) {
        const std::vector<Shaped> args = parseArguments(depth);
        Token call = t;
        call.length = m_tokens[m_pos - 1].offset + 1 - t.offset;
        const int arity = name == "dot" ? 2 : 1;
        if (int(args.size()) != arity)
            fail(name + " takes " + std::to_string(arity) + " argument" + (arity == 1 ? "" : "s") +
                     ", got " + std::to_string(args.size()),
                 call.offset, call.length);
        const Shaped& a = args[0];
        std::vector<int> terms;
        if (name == "sum") {
            terms = a.e; // sum(A) = sum_ij A_ij
        } else if (name == "norm") {
            for (const int k : a.e) // norm(A) = sqrt(sum_ij A_ij^2) (2-norm, Frobenius)
                terms.push_back(node(Op::Mul, k, k, call));
            const int squares = sumOf(terms, 0, terms.size(), call);
            const int root = node(Op::Sqrt, squares, -1, call);
            m_squaresUnderNorm[root] = squares;
            return scalarValue(root);
        } else if (name == "trace") {
            if (a.rows != a.cols)
                fail("trace needs a square matrix, got " + shapeText(a), call.offset, call.length);
            for (int i = 0; i < a.rows; ++i) // trace(A) = sum_i A_ii
                terms.push_back(a.at(i, i));
        } else { // dot(a, b) = sum_i a_i b_i: equal shapes, or two vectors of one length
            const Shaped& b = args[1];
            const bool same = a.rows == b.rows && a.cols == b.cols;
            const bool vectors = a.vector() && b.vector() && a.size() == b.size();
            if (!same && !vectors)
                fail("dot" + shapeText(a) + ", " + shapeText(b) +
                         ": needs two vectors of one length (or matrices of one shape)",
                     call.offset, call.length);
            for (std::size_t k = 0; k < a.size(); ++k)
                terms.push_back(node(Op::Mul, a.e[k], b.e[k], call));
        }
        return scalarValue(sumOf(terms, 0, terms.size(), call));
    }

    // A declared vector or matrix input: one Input node per element, made once.
    Shaped shapedInput(const InputDeclaration& d, const Token& t) {
        auto [it, inserted] = m_shapedInputs.try_emplace(d.name);
        if (inserted) {
            it->second.rows = d.rows;
            it->second.cols = d.cols;
            for (std::size_t k = 0; k < d.size(); ++k)
                it->second.e.push_back(add({Op::Input, -1, -1, 0, -1, t.offset, t.length}));
            m_firstUse[d.name] = t;
        }
        return it->second;
    }

    Shaped parseIdentifier(const Token& t, int depth) {
        const std::string name(textOf(t));
        if (isReservedName(name))
            reserved(t);
        if (peek().kind == Tok::LParen) {
            if (isMatrixFunction(name))
                return parseMatrixFunction(name, t, depth);
            const FunctionEntry* f = findFunction(name);
            if (!f) {
                if (findConstant(name) || m_defined.count(name))
                    fail("'" + name + "' is not a function (write " + name + "*(...) to multiply)",
                         t.offset, t.length);
                std::string message = "unknown function '" + name + "'";
                // Only a close name is suggested: one edit for short names (foo is two
                // edits from log, and no typo of it), two for names of five letters or more.
                // Every name at the closest distance is offered (sn: sin or ln), those with
                // the typed first letter first.
                const std::size_t limit = name.size() >= 5 ? 3 : 2;
                std::size_t best = limit;
                std::vector<std::string> suggestions;
                for (const auto& k : knownFunctions()) {
                    const std::size_t d = editDistance(name, k);
                    if (d >= limit)
                        continue;
                    if (d < best) {
                        best = d;
                        suggestions.clear();
                    }
                    if (d == best)
                        suggestions.push_back(k);
                }
                std::stable_partition(suggestions.begin(), suggestions.end(),
                                      [&](const std::string& k) { return k[0] == name[0]; });
                for (std::size_t i = 0; i < suggestions.size() && i < 3; ++i)
                    message += (i == 0 ? "; did you mean '" : "' or '") + suggestions[i];
                if (!suggestions.empty())
                    message += "'?";
                fail(message, t.offset, t.length);
            }
            const std::vector<Shaped> args = parseArguments(depth);
            Token call = t;
            call.length = m_tokens[m_pos - 1].offset + 1 - t.offset;
            if (static_cast<int>(args.size()) != f->arity)
                fail(name + " takes " + std::to_string(f->arity) + " argument" +
                         (f->arity == 1 ? "" : "s") + ", got " + std::to_string(args.size()),
                     call.offset, call.length);
            // The language's functions apply entry by entry (pow: a scalar with anything).
            if (f->arity == 2)
                return elementwise(f->op, args[0], args[1], call, true,
                                   "pow needs equal shapes (or a scalar)");
            return map(f->op, args[0], call);
        }
        if (findFunction(name) || isMatrixFunction(name))
            fail("'" + name + "' is a function: write " + name + "(...)", t.offset, t.length);
        if (auto c = findConstant(name))
            return scalarValue(add({Op::Constant, -1, -1, *c, -1, t.offset, t.length}));
        if (auto it = m_defined.find(name); it != m_defined.end())
            return it->second;
        // A parameter: a named constant (its text is its name), never an input.
        if (const int k = findParameter(name); k >= 0) {
            Node n{Op::Constant, -1,       -1,      m_parameters[std::size_t(k)].value,
                   -1,           t.offset, t.length};
            n.parameter = k;
            return scalarValue(add(n));
        }
        if (const InputDeclaration* d = declaration(name); d && d->dimensions > 0)
            return shapedInput(*d, t);
        if (peek().kind == Tok::LBracket)
            // Short: under the function box it fits two lines (tester s26: three moved the
            // rows below).
            fail("'" + name + "' is a scalar input: to index it, declare it as " + name +
                     "[3] or " + name + "[2,3] among the inputs",
                 t.offset, t.length);
        return scalarValue(scalarInput(name, t));
    }

    // A free identifier: a scalar input. One leaf per name keeps the DAG shared.
    int scalarInput(const std::string& name, const Token& t) {
        auto [it, inserted] = m_inputNodes.try_emplace(name, -1);
        if (inserted) {
            it->second = add({Op::Input, -1, -1, 0, -1, t.offset, t.length});
            m_firstUse[name] = t;
        }
        return it->second;
    }

    static std::string joined(const std::vector<std::string>& v) {
        std::string s;
        for (const auto& n : v)
            s += (s.empty() ? "" : ", ") + n;
        return s;
    }

    // A parameter is a name the text could use: an identifier that is no function, constant
    // or reserved word, given once, with a finite value.
    void checkParameters() {
        for (std::size_t k = 0; k < m_parameters.size(); ++k) {
            const std::string& n = m_parameters[k].name;
            const bool identifier =
                !n.empty() && !std::isdigit(static_cast<unsigned char>(n[0])) &&
                std::all_of(n.begin(), n.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                });
            if (!identifier)
                failList("the parameter name '" + n + "' is not a name (letters, digits, _)");
            if (isReservedName(n) || findFunction(n) || findConstant(n))
                failList("the parameter name '" + n +
                         "' is taken (a function, constant or nan/inf)");
            if (findParameter(n) != int(k))
                failList("the parameter '" + n + "' is given twice");
            if (!std::isfinite(m_parameters[k].value))
                failList("the parameter '" + n + "' must be finite");
        }
    }

    int findParameter(std::string_view name) const {
        for (std::size_t k = 0; k < m_parameters.size(); ++k)
            if (m_parameters[k].name == name)
                return int(k);
        return -1;
    }

    // The declared variables (an empty list: the free identifiers, found while parsing).
    void declare() {
        std::set<std::string> seen;
        std::size_t total = 0;
        for (const auto& v : m_variables) {
            std::string message;
            auto d = parseInputDeclaration(v, &message);
            if (!d)
                failList(message);
            if (isReservedName(d->name))
                failList("the variable '" + d->name + "' is a reserved name (nan, inf, infinity)");
            if (!seen.insert(d->name).second)
                failList("the variable '" + d->name + "' is listed twice");
            d->first = total;
            total += d->size();
            if (total > Expression::kMaxScalarInputs)
                fail("the variables have more than " +
                         std::to_string(Expression::kMaxScalarInputs) + " scalar entries",
                     0, m_text.size());
            m_declarations.push_back(std::move(*d));
        }
    }

    // With declared variables, every symbol used so far (before the text offset `before`)
    // that is not a variable, in order of first use; the error points at the first and
    // carries all of them (the window offers to make them parameters). Nothing when none.
    std::optional<ParseFailure> unknownNamesFailure(std::size_t before) const {
        if (m_declarations.empty())
            return std::nullopt;
        std::vector<std::pair<std::size_t, std::string>> unknown;
        for (const auto& [name, token] : m_firstUse)
            if (!isDeclared(name) && token.offset < before)
                unknown.emplace_back(token.offset, name);
        if (unknown.empty())
            return std::nullopt;
        std::vector<std::string> declaredNames;
        for (const auto& d : m_declarations)
            declaredNames.push_back(d.name);
        std::sort(unknown.begin(), unknown.end());
        ParseFailure f;
        std::string quoted;
        for (const auto& [offset, name] : unknown) {
            quoted += (quoted.empty() ? "'" : ", '") + name + "'";
            f.unknownNames.push_back(name);
        }
        const bool one = unknown.size() == 1;
        f.message = (one ? "unknown symbol " : "unknown symbols ") + quoted + ": declare " +
                    (one ? "it as a variable, or make it a parameter"
                         : "them as variables, or make them parameters") +
                    " (the variables are " + joined(declaredNames) + ")";
        f.offset = unknown.front().first;
        f.length = m_firstUse.at(unknown.front().second).length;
        return f;
    }

    void finish() {
        for (const auto& [name, token] : m_firstUse)
            if (m_defined.count(name))
                fail("'" + name + "' is used before it is defined", token.offset, token.length);
        for (const auto& p : m_parameters)
            if (isDeclared(p.name))
                failList("'" + p.name + "' is both a variable and a parameter");
        if (auto f = unknownNamesFailure(std::string::npos))
            throw *f;
        auto& inputs = m_expr.m_inputs;
        if (m_declarations.empty())
            for (const auto& [name, node] : m_inputNodes) { // std::map: alphabetically
                InputDeclaration d;
                d.name = name;
                d.first = m_declarations.size();
                m_declarations.push_back(std::move(d));
            }
        for (const auto& d : m_declarations)
            for (std::size_t k = 0; k < d.size(); ++k)
                inputs.push_back(d.elementName(k));
        for (const auto& [name, node] : m_inputNodes)
            m_expr.m_nodes[node].input = int(declaration(name)->first);
        for (const auto& [name, value] : m_shapedInputs) {
            const InputDeclaration& d = *declaration(name);
            for (std::size_t k = 0; k < value.size(); ++k)
                m_expr.m_nodes[std::size_t(value.e[k])].input = int(d.first + k);
        }
        m_expr.m_declared = m_declarations;
        m_expr.m_text = std::string(m_text);
        m_expr.m_parameters = m_parameters;
    }

    std::string_view m_text;
    const std::vector<std::string>& m_variables;
    const std::vector<ParameterValue>& m_parameters;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    Expression m_expr;
    std::map<std::string, Shaped> m_defined;
    std::map<std::string, int> m_inputNodes;
    std::map<std::string, Shaped> m_shapedInputs;
    std::map<int, int> m_squaresUnderNorm; ///< a norm's sqrt node -> its sum of squares
    std::map<std::string, Token> m_firstUse;
    std::vector<InputDeclaration> m_declarations;
    std::size_t m_lastStatementLength = 1;
    bool m_shapedResult = false;
};

ParseResult Expression::parse(std::string_view text, const std::vector<std::string>& variables,
                              const std::vector<ParameterValue>& parameters) {
    return Parser(text, variables, parameters).run();
}

ParseResult Expression::parseValue(std::string_view text, const std::vector<std::string>& variables,
                                   const std::vector<ParameterValue>& parameters) {
    return Parser(text, variables, parameters, true).run();
}

UnusedNames unusedNames(const Expression& f) {
    // Reachability from the output's nodes (a vector or matrix output: all its elements).
    const std::vector<Node>& nodes = f.nodes();
    std::vector<bool> reached(nodes.size(), false);
    std::vector<int> stack;
    const Statement& last = f.statements().back();
    if (last.node >= 0)
        stack.push_back(last.node);
    stack.insert(stack.end(), last.elements.begin(), last.elements.end());
    std::vector<bool> inputUsed(f.inputCount(), false), parameterUsed(f.parameters().size(), false);
    while (!stack.empty()) {
        const int k = stack.back();
        stack.pop_back();
        if (k < 0 || std::size_t(k) >= nodes.size() || reached[std::size_t(k)])
            continue;
        reached[std::size_t(k)] = true;
        const Node& n = nodes[std::size_t(k)];
        if (n.op == Op::Input && n.input >= 0)
            inputUsed[std::size_t(n.input)] = true;
        if (n.parameter >= 0)
            parameterUsed[std::size_t(n.parameter)] = true;
        stack.push_back(n.a);
        stack.push_back(n.b);
    }
    UnusedNames u;
    for (const InputDeclaration& d : f.declaredInputs())
        if (std::none_of(inputUsed.begin() + std::ptrdiff_t(d.first),
                         inputUsed.begin() + std::ptrdiff_t(d.first + d.size()),
                         [](bool used) { return used; }))
            u.inputs.push_back(d.name);
    for (std::size_t k = 0; k < parameterUsed.size(); ++k)
        if (!parameterUsed[k])
            u.parameters.push_back(f.parameters()[k].name);
    return u;
}

std::string caretDiagram(std::string_view text, const ParseError& error) {
    std::size_t lineStart = std::min(error.offset, text.size());
    while (lineStart > 0 && text[lineStart - 1] != '\n')
        --lineStart;
    std::size_t lineEnd = text.find('\n', lineStart);
    if (lineEnd == std::string_view::npos)
        lineEnd = text.size();
    // Long lines are shown as a window around the error.
    constexpr std::size_t kWindow = 60;
    std::size_t from = lineStart;
    if (error.offset > lineStart + kWindow)
        from = error.offset - kWindow / 2;
    const std::size_t to = std::min(lineEnd, from + 2 * kWindow);
    std::string out(text.substr(from, to - from));
    out += '\n';
    out += std::string(error.offset - from, ' ');
    const std::size_t span =
        std::max<std::size_t>(1, std::min(error.length, to > error.offset ? to - error.offset : 1));
    out += std::string(span, '^');
    return out;
}

} // namespace gs
