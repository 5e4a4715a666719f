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

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            diagonal = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
        }
    }
    return row[b.size()];
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

const std::vector<std::string>& knownFunctions() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& f : functionTable()) {
            if (f.name)
                v.emplace_back(f.name);
            if (f.alias)
                v.emplace_back(f.alias);
        }
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
};

class Parser {
public:
    Parser(std::string_view text, const std::vector<std::string>& variables)
        : m_text(text)
        , m_variables(variables) {}

    ParseResult run() {
        ParseResult result;
        try {
            if (m_text.size() > Expression::kMaxLength)
                fail("the input is too long (" + std::to_string(m_text.size()) +
                         " characters; at most " + std::to_string(Expression::kMaxLength) + ")",
                     Expression::kMaxLength, 1);
            tokenize();
            parseProgram();
            finish();
            result.expression = std::move(m_expr);
        } catch (const ParseFailure& f) {
            ParseError e{f.message, f.offset, std::max<std::size_t>(f.length, 1), 1, 1};
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

    void tokenize() {
        int parens = 0;
        std::vector<std::size_t> open;
        std::size_t i = 0;
        auto push = [&](Tok k, std::size_t len) {
            m_tokens.push_back({k, i, len});
            i += len;
        };
        while (i < m_text.size()) {
            const char c = m_text[i];
            if (c == '\n') {
                // Inside parentheses a line break is only white space.
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
                case '(':
                    open.push_back(i);
                    ++parens;
                    push(Tok::LParen, 1);
                    break;
                case ')':
                    if (parens == 0)
                        fail("unbalanced parenthesis: this ')' has no matching '('", i, 1);
                    open.pop_back();
                    --parens;
                    push(Tok::RParen, 1);
                    break;
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
            fail("unbalanced parenthesis: this '(' is never closed", open.back(), 1);
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
    }

    void parseStatement() {
        const std::size_t start = peek().offset;
        if (peek().kind == Tok::Ident && m_tokens[m_pos + 1].kind == Tok::Assign) {
            const Token name = take();
            const Token assign = take();
            const std::string n(textOf(name));
            if (isReservedName(n))
                reserved(name);
            if (findFunction(n))
                fail("'" + n + "' is a function and cannot be assigned", name.offset, name.length);
            if (findConstant(n))
                fail("'" + n + "' is a constant and cannot be assigned", name.offset, name.length);
            if (m_defined.count(n))
                fail("'" + n + "' is defined twice", name.offset, name.length);
            if (std::find(m_variables.begin(), m_variables.end(), n) != m_variables.end())
                fail("'" + n + "' is listed as a variable and cannot also be defined", name.offset,
                     name.length);
            if (peek().kind == Tok::Separator || peek().kind == Tok::End)
                fail("expected an expression after '='", assign.offset, 1);
            const int node = parseExpression(0);
            m_defined[n] = node;
            m_expr.m_statements.push_back({n, node, start});
        } else {
            const int node = parseExpression(0);
            m_expr.m_statements.push_back({"", node, start});
        }
    }

    void enter(int depth, const Token& at) {
        if (depth > Expression::kMaxDepth)
            fail("the expression is nested too deeply (more than " +
                     std::to_string(Expression::kMaxDepth) + " levels)",
                 at.offset, 1);
    }

    // expression := term (('+' | '-') term)*
    int parseExpression(int depth) {
        int left = parseTerm(depth);
        while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
            const Token op = take();
            const int right = parseTerm(depth);
            left =
                add({op.kind == Tok::Plus ? Op::Add : Op::Sub, left, right, 0, -1, op.offset, 1});
        }
        return left;
    }

    // term := unary (('*' | '/') unary)*
    int parseTerm(int depth) {
        int left = parseUnary(depth);
        while (peek().kind == Tok::Star || peek().kind == Tok::Slash) {
            const Token op = take();
            const int right = parseUnary(depth);
            left =
                add({op.kind == Tok::Star ? Op::Mul : Op::Div, left, right, 0, -1, op.offset, 1});
        }
        return left;
    }

    // unary := ('-' | '+') unary | power. Power binds tighter: -x^2 = -(x^2).
    int parseUnary(int depth) {
        enter(depth, peek());
        if (peek().kind == Tok::Minus || peek().kind == Tok::Plus) {
            const Token op = take();
            const int operand = parseUnary(depth + 1);
            if (op.kind == Tok::Plus)
                return operand;
            return add({Op::Neg, operand, -1, 0, -1, op.offset, 1});
        }
        return parsePower(depth);
    }

    // power := primary (('^' | '**') unary)?, right-associative through unary.
    int parsePower(int depth) {
        const int base = parsePrimary(depth);
        if (peek().kind == Tok::Caret) {
            const Token op = take();
            const int exponent = parseUnary(depth + 1);
            return add({Op::Pow, base, exponent, 0, -1, op.offset, op.length});
        }
        return base;
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

    int parsePrimary(int depth) {
        const Token t = take();
        switch (t.kind) {
        case Tok::Number:
            return add({Op::Constant, -1, -1, t.number, -1, t.offset, t.length});
        case Tok::LParen: {
            enter(depth + 1, t);
            const int inner = parseExpression(depth + 1);
            expect(Tok::RParen, "')'");
            return inner;
        }
        case Tok::Ident:
            return parseIdentifier(t, depth);
        default: {
            // Name the operator that is missing its operand; at the end of the input
            // or a line, point at that operator, otherwise at what was found instead.
            const Token& before = m_tokens[m_pos >= 2 ? m_pos - 2 : 0];
            const bool afterOperator = m_pos >= 2 && before.kind != Tok::Number &&
                                       before.kind != Tok::Ident && before.kind != Tok::RParen &&
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

    int parseIdentifier(const Token& t, int depth) {
        const std::string name(textOf(t));
        if (isReservedName(name))
            reserved(t);
        if (peek().kind == Tok::LParen) {
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
            const Token open = take();
            enter(depth + 1, open);
            std::vector<int> args;
            if (peek().kind != Tok::RParen) {
                args.push_back(parseExpression(depth + 1));
                while (peek().kind == Tok::Comma) {
                    take();
                    args.push_back(parseExpression(depth + 1));
                }
            }
            expect(Tok::RParen, "')' or ','");
            if (static_cast<int>(args.size()) != f->arity)
                fail(name + " takes " + std::to_string(f->arity) + " argument" +
                         (f->arity == 1 ? "" : "s") + ", got " + std::to_string(args.size()),
                     t.offset, m_tokens[m_pos - 1].offset + 1 - t.offset);
            return add({f->op, args[0], f->arity == 2 ? args[1] : -1, 0, -1, t.offset,
                        m_tokens[m_pos - 1].offset + 1 - t.offset});
        }
        if (findFunction(name))
            fail("'" + name + "' is a function: write " + name + "(...)", t.offset, t.length);
        if (auto c = findConstant(name))
            return add({Op::Constant, -1, -1, *c, -1, t.offset, t.length});
        if (auto it = m_defined.find(name); it != m_defined.end())
            return it->second;
        // A free identifier: an input. One leaf per name keeps the DAG shared.
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

    void finish() {
        for (const auto& [name, token] : m_firstUse)
            if (m_defined.count(name))
                fail("'" + name + "' is used before it is defined", token.offset, token.length);
        if (!m_variables.empty())
            for (const auto& [name, token] : m_firstUse)
                if (std::find(m_variables.begin(), m_variables.end(), name) == m_variables.end())
                    fail("unknown variable '" + name + "' (the variables are " +
                             joined(m_variables) + ")",
                         token.offset, token.length);
        auto& inputs = m_expr.m_inputs;
        if (!m_variables.empty()) {
            std::set<std::string> seen;
            for (const auto& v : m_variables)
                if (isReservedName(v))
                    fail("the variable '" + v + "' is a reserved name (nan, inf, infinity)", 0,
                         m_text.size());
            for (const auto& v : m_variables)
                if (!seen.insert(v).second)
                    fail("the variable '" + v + "' is listed twice", 0, m_text.size());
            inputs = m_variables;
        } else {
            for (const auto& [name, node] : m_inputNodes)
                inputs.push_back(name); // std::map iterates alphabetically
        }
        for (const auto& [name, node] : m_inputNodes)
            m_expr.m_nodes[node].input =
                static_cast<int>(std::find(inputs.begin(), inputs.end(), name) - inputs.begin());
        m_expr.m_text = std::string(m_text);
    }

    std::string_view m_text;
    const std::vector<std::string>& m_variables;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    Expression m_expr;
    std::map<std::string, int> m_defined;
    std::map<std::string, int> m_inputNodes;
    std::map<std::string, Token> m_firstUse;
};

ParseResult Expression::parse(std::string_view text, const std::vector<std::string>& variables) {
    return Parser(text, variables).run();
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
