#include "graph.h"

#include "derivatives.h"
#include "evaluation.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

namespace gs {

namespace {

// One operation's value and local partials d value / d a, d value / d b at its operands.
struct Local {
    double value, da, db;
};

// A Pow's partials are b a^(b-1) (the power rule, also for a negative base, as the jets use
// for a literal exponent) and a^b log a; the second only when `exponentPartial` (a constant
// exponent needs none, which saves a log per square in the gradient's sweep).
Local localOperation(Op op, double a, double b, bool exponentPartial) {
    switch (op) {
    case Op::Add: // d(a + b) = da + db
        return {applyBinary(op, a, b), 1.0, 1.0};
    case Op::Sub: // d(a - b) = da - db
        return {applyBinary(op, a, b), 1.0, -1.0};
    case Op::Mul: // d(ab) = b da + a db
        return {applyBinary(op, a, b), b, a};
    case Op::Div: // d(a/b) = (1/b) da - (a/b^2) db
        return {applyBinary(op, a, b), 1 / b, a * (-1 / (b * b))};
    case Op::Pow: {
        // d(a^b) = b a^(b-1) da + a^b log(a) db; b = 0 gives 0 even where a^(b-1) is inf.
        const double v = applyBinary(op, a, b);
        const double da = b == 0 ? 0.0 : (b == 2 ? 2 * a : b * std::pow(a, b - 1));
        const double db = exponentPartial ? v * applyUnary(Op::Log, a) : 0.0;
        return {v, da, db};
    }
    default: { // phi(a): phi'(a) from the derivative table; outside the domain NaN
        const UnaryDerivatives d = unaryDerivatives(op, a);
        return {d.f, std::isnan(d.f) ? d.f : d.d1, 0.0};
    }
    }
}

// Whether each node depends on some input (constants and their combinations do not).
std::vector<unsigned char> varyingNodes(const Expression& f) {
    const auto& nodes = f.nodes();
    std::vector<unsigned char> varying(nodes.size(), 0);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Node& n = nodes[i];
        if (n.op == Op::Input)
            varying[i] = 1;
        else if (n.op != Op::Constant)
            varying[i] = varying[std::size_t(n.a)] | (n.b >= 0 ? varying[std::size_t(n.b)] : 0);
    }
    return varying;
}

const char* functionName(Op op) {
    switch (op) {
    case Op::Exp:
        return "exp";
    case Op::Log:
        return "log";
    case Op::Sqrt:
        return "sqrt";
    case Op::Sin:
        return "sin";
    case Op::Cos:
        return "cos";
    case Op::Tan:
        return "tan";
    case Op::Asin:
        return "asin";
    case Op::Acos:
        return "acos";
    case Op::Atan:
        return "atan";
    case Op::Sinh:
        return "sinh";
    case Op::Cosh:
        return "cosh";
    case Op::Tanh:
        return "tanh";
    case Op::Abs:
        return "abs";
    case Op::Sigmoid:
        return "sigmoid";
    case Op::Softplus:
        return "softplus";
    default:
        return "?";
    }
}

// How tightly an operation binds when written out: + - < * / < unary - < ^ < atoms.
constexpr int kSum = 1, kProduct = 2, kNegation = 3, kPower = 4, kAtom = 5;

int precedence(Op op) {
    switch (op) {
    case Op::Add:
    case Op::Sub:
        return kSum;
    case Op::Mul:
    case Op::Div:
        return kProduct;
    case Op::Neg:
        return kNegation;
    case Op::Pow:
        return kPower;
    default:
        return kAtom;
    }
}

// The operations of one graph node: the DAG nodes from `root` down to the leaves (DAG nodes
// that are graph nodes of their own), in ascending (topological) order, and the leaves.
struct SubDag {
    std::vector<int> internal; ///< ascending; the last is the root
    std::vector<int> leaves;   ///< ascending by DAG index, each once
};

class GraphBuilder {
public:
    GraphBuilder(const Expression& f, const Eigen::VectorXd& x)
        : m_f(f)
        , m_nodes(f.nodes())
        , m_values(evaluateNodes(f, x))
        , m_varying(varyingNodes(f))
        , m_leafOf(m_nodes.size(), -1)
        , m_mark(m_nodes.size(), 0)
        , m_adjoint(m_nodes.size(), 0.0)
        , m_text(m_nodes.size())
        , m_prec(m_nodes.size(), kAtom) {}

    ComputationalGraph build(Granularity granularity) {
        const auto& statements = m_f.statements();
        m_g.granularity = statements.size() >= 2 ? granularity : Granularity::Operations;
        m_g.inputs = m_f.inputs();
        const std::size_t n = m_f.inputCount();
        std::vector<int> inputDag(n, -1);
        for (std::size_t i = 0; i < m_nodes.size(); ++i)
            if (m_nodes[i].op == Op::Input)
                inputDag[std::size_t(m_nodes[i].input)] = int(i);
        for (std::size_t i = 0; i < n; ++i) {
            GraphNode node;
            node.name = m_g.inputs[i];
            node.input = int(i);
            node.value = inputDag[i] >= 0 ? m_values[std::size_t(inputDag[i])] : 0.0;
            if (inputDag[i] >= 0)
                m_leafOf[std::size_t(inputDag[i])] = int(i);
            m_g.nodes.push_back(std::move(node));
        }
        if (m_g.granularity == Granularity::Statements)
            buildStatements();
        else
            buildOperations();
        reverse();
        return std::move(m_g);
    }

private:
    // The final bare expression is called f (or the first free one of f, output, f1, f2, ...).
    std::string outputName() const {
        std::set<std::string> used(m_f.inputs().begin(), m_f.inputs().end());
        for (const auto& s : m_f.statements())
            used.insert(s.name);
        for (const std::string candidate : {"f", "output"})
            if (!used.count(candidate))
                return candidate;
        for (int k = 1;; ++k) {
            std::string name = "f";
            name += std::to_string(k);
            if (!used.count(name))
                return name;
        }
    }

    std::string statementName(std::size_t s) const {
        const auto& st = m_f.statements()[s];
        return st.name.empty() ? outputName() : st.name;
    }

    // The statement's own text: from its start (after "name =") to the next statement.
    std::string statementText(std::size_t s) const {
        const auto& statements = m_f.statements();
        const std::string& text = m_f.text();
        std::size_t begin = statements[s].offset;
        const std::size_t end = s + 1 < statements.size() ? statements[s + 1].offset : text.size();
        if (!statements[s].name.empty())
            begin = text.find('=', begin) + 1;
        std::string out;
        for (std::size_t i = begin; i < end; ++i) {
            const char c = text[i];
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            if (space) {
                if (!out.empty() && out.back() != ' ')
                    out += ' ';
            } else {
                out += c;
            }
        }
        while (!out.empty() && (out.back() == ' ' || out.back() == ';'))
            out.pop_back();
        return out;
    }

    SubDag collect(int root) {
        SubDag sub;
        std::vector<int> stack{root};
        m_mark[std::size_t(root)] = 1;
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            sub.internal.push_back(i);
            const Node& node = m_nodes[std::size_t(i)];
            for (const int c : {node.a, node.b}) {
                if (c < 0 || m_mark[std::size_t(c)])
                    continue;
                m_mark[std::size_t(c)] = 1;
                if (m_leafOf[std::size_t(c)] >= 0)
                    sub.leaves.push_back(c);
                else
                    stack.push_back(c);
            }
        }
        for (const int i : sub.internal)
            m_mark[std::size_t(i)] = 0;
        for (const int i : sub.leaves)
            m_mark[std::size_t(i)] = 0;
        std::sort(sub.internal.begin(), sub.internal.end());
        std::sort(sub.leaves.begin(), sub.leaves.end(), [&](int a, int b) {
            return m_leafOf[std::size_t(a)] < m_leafOf[std::size_t(b)];
        });
        return sub;
    }

    // d root / d leaf for each leaf: a reverse sweep over the sub-DAG. Operations that depend
    // on no leaf (constants) get no adjoint, so an infinite local derivative there is harmless.
    std::vector<double> localPartials(const SubDag& sub) {
        // depends: 2 for a leaf, 1 for an operation above a leaf (m_mark is scratch).
        for (const int l : sub.leaves)
            m_mark[std::size_t(l)] = 2;
        for (const int i : sub.internal) {
            const Node& node = m_nodes[std::size_t(i)];
            const bool d = (node.a >= 0 && m_mark[std::size_t(node.a)]) ||
                           (node.b >= 0 && m_mark[std::size_t(node.b)]);
            m_mark[std::size_t(i)] = d ? 1 : 0;
        }
        m_adjoint[std::size_t(sub.internal.back())] = 1.0;
        for (auto it = sub.internal.rbegin(); it != sub.internal.rend(); ++it) {
            const std::size_t i = std::size_t(*it);
            const Node& node = m_nodes[i];
            const double adjoint = m_adjoint[i];
            if (!m_mark[i] || node.a < 0)
                continue;
            const double a = m_values[std::size_t(node.a)];
            const double b = node.b >= 0 ? m_values[std::size_t(node.b)] : 0.0;
            const Local l =
                localOperation(node.op, a, b, node.b >= 0 && m_mark[std::size_t(node.b)]);
            // adjoint(operand) += adjoint(node) * d node / d operand, for each use
            if (m_mark[std::size_t(node.a)])
                m_adjoint[std::size_t(node.a)] += adjoint * l.da;
            if (node.b >= 0 && m_mark[std::size_t(node.b)])
                m_adjoint[std::size_t(node.b)] += adjoint * l.db;
        }
        std::vector<double> partials;
        for (const int l : sub.leaves)
            partials.push_back(m_adjoint[std::size_t(l)]);
        for (const int i : sub.internal)
            m_adjoint[std::size_t(i)] = 0.0, m_mark[std::size_t(i)] = 0;
        for (const int l : sub.leaves)
            m_adjoint[std::size_t(l)] = 0.0, m_mark[std::size_t(l)] = 0;
        return partials;
    }

    // The sub-DAG written out, leaves as `leaf(dag index)` gives them (already atoms).
    template <class LeafText> std::string render(const SubDag& sub, const LeafText& leaf) {
        for (const int l : sub.leaves) {
            m_text[std::size_t(l)] = leaf(l);
            m_prec[std::size_t(l)] = kAtom;
        }
        // Operand text, in parentheses when it binds less tightly than `need`; an operation's
        // text is used once (the sub-DAG is a tree above its leaves), so it is moved.
        auto operand = [&](int c, int need) {
            const std::size_t k = std::size_t(c);
            std::string t = m_leafOf[k] >= 0 ? m_text[k] : std::move(m_text[k]);
            if (m_prec[k] >= need)
                return t;
            std::string wrapped = "(";
            wrapped += t;
            wrapped += ')';
            return wrapped;
        };
        for (const int idx : sub.internal) {
            const std::size_t i = std::size_t(idx);
            const Node& node = m_nodes[i];
            std::string t;
            switch (node.op) {
            case Op::Constant:
            case Op::Input:
                t = m_f.text().substr(node.offset, node.length);
                break;
            case Op::Add:
            case Op::Sub: // a + b: left-associative, so a right-hand sum keeps its parentheses
                t = operand(node.a, kSum);
                t += node.op == Op::Add ? " + " : " - ";
                t += operand(node.b, kProduct);
                break;
            case Op::Mul:
            case Op::Div:
                t = operand(node.a, kProduct);
                t += node.op == Op::Mul ? "*" : "/";
                t += operand(node.b, kNegation);
                break;
            case Op::Neg:
                t = "-";
                t += operand(node.a, kPower);
                break;
            case Op::Pow:
                t = operand(node.a, kAtom);
                t += "^";
                t += operand(node.b, kNegation);
                break;
            default:
                t = std::string(functionName(node.op)) + "(" + operand(node.a, kSum) + ")";
            }
            m_text[i] = std::move(t);
            m_prec[i] = precedence(node.op);
        }
        const std::size_t root = std::size_t(sub.internal.back());
        std::string out = std::move(m_text[root]);
        for (const int i : sub.internal)
            m_text[std::size_t(i)].clear();
        for (const int l : sub.leaves)
            m_text[std::size_t(l)].clear();
        return out;
    }

    std::string valueText(int dag, bool brief = false) const {
        const double v = m_g.nodes[std::size_t(m_leafOf[std::size_t(dag)])].value;
        const std::string s = brief ? briefNumberText(v) : shortestNumberText(v);
        return s[0] == '-' ? "(" + s + ")" : s;
    }

    // A non-input graph node computed by the DAG node `root` from the current leaves.
    void addComputed(std::string name, int root, std::string expression, bool useSource) {
        GraphNode node;
        node.name = std::move(name);
        node.value = m_values[std::size_t(root)];
        const int k = int(m_g.nodes.size());
        if (m_leafOf[std::size_t(root)] >= 0) { // an alias: c = a
            const int parent = m_leafOf[std::size_t(root)];
            node.expression = useSource ? expression : m_g.nodes[std::size_t(parent)].name;
            node.substituted = valueText(root);
            node.substitutedBrief = valueText(root, true);
            addEdge(node, parent, k, 1.0);
        } else {
            const SubDag sub = collect(root);
            const std::vector<double> partials = localPartials(sub);
            node.expression = useSource ? expression : render(sub, [&](int l) {
                return m_g.nodes[std::size_t(m_leafOf[std::size_t(l)])].name;
            });
            node.substituted = render(sub, [&](int l) { return valueText(l); });
            node.substitutedBrief = render(sub, [&](int l) { return valueText(l, true); });
            for (std::size_t j = 0; j < sub.leaves.size(); ++j)
                addEdge(node, m_leafOf[std::size_t(sub.leaves[j])], k, partials[j]);
        }
        m_g.nodes.push_back(std::move(node));
        m_leafOf[std::size_t(root)] = k;
    }

    void addEdge(GraphNode& child, int parent, int k, double partial) {
        const int e = int(m_g.edges.size());
        m_g.edges.push_back({parent, k, partial});
        child.parents.push_back(parent);
        child.inEdges.push_back(e);
        m_g.nodes[std::size_t(parent)].outEdges.push_back(e);
    }

    // The name of entry k of a vector or matrix statement: a[2], A[1,2] (one-based).
    static std::string elementName(const Statement& st, std::size_t k) {
        InputDeclaration d;
        d.name = st.name;
        d.rows = st.rows;
        d.cols = st.cols;
        d.dimensions = st.cols == 1 ? 1 : 2;
        return d.elementName(k);
    }

    void buildStatements() {
        const auto& statements = m_f.statements();
        for (std::size_t s = 0; s < statements.size(); ++s) {
            const Statement& st = statements[s];
            if (st.node >= 0) {
                addComputed(statementName(s), st.node, statementText(s), true);
                continue;
            }
            // A vector or matrix: one node per entry that depends on an input (constant
            // entries are written into their consumers, like any constant).
            for (std::size_t k = 0; k < st.elements.size(); ++k)
                if (m_varying[std::size_t(st.elements[k])])
                    addComputed(elementName(st, k), st.elements[k], {}, false);
        }
        m_g.output = int(m_g.nodes.size()) - 1;
    }

    // Nodes: the inputs, every operation that depends on an input, every statement (named by
    // its last name) and the output. Constant sub-expressions are written into their consumer.
    void buildOperations() {
        const auto& statements = m_f.statements();
        std::vector<std::string> named(m_nodes.size());
        std::set<std::string> used(m_f.inputs().begin(), m_f.inputs().end());
        for (std::size_t s = 0; s < statements.size(); ++s) {
            const Statement& st = statements[s];
            if (st.node >= 0)
                named[std::size_t(st.node)] = statementName(s);
            else
                for (std::size_t k = 0; k < st.elements.size(); ++k)
                    if (named[std::size_t(st.elements[k])].empty())
                        named[std::size_t(st.elements[k])] = elementName(st, k);
            used.insert(statementName(s));
        }
        int temporary = 0;
        for (std::size_t i = 0; i < m_nodes.size(); ++i) {
            if (m_nodes[i].op == Op::Input)
                continue;
            const bool isOutput = int(i) == m_f.output();
            if (named[i].empty() && !m_varying[i] && !isOutput)
                continue;
            std::string name = named[i];
            while (name.empty() || (named[i].empty() && used.count(name))) {
                // Appended, not "t" + to_string(): GCC 12 warns falsely (-Wrestrict) on that.
                name = "t";
                name += std::to_string(++temporary);
            }
            addComputed(name, int(i), {}, false);
        }
        m_g.output = m_leafOf[std::size_t(m_f.output())];
    }

    // Which nodes reach the output, then adjoints pulled from the children in reverse order:
    // df/dk = sum over edges k -> c (c reaching f) of df/dc * dc/dk. reverseSteps() sums in the
    // same order, so its steps reproduce these numbers exactly.
    void reverse() {
        auto& nodes = m_g.nodes;
        for (int k = int(nodes.size()) - 1; k >= 0; --k) {
            GraphNode& node = nodes[std::size_t(k)];
            if (k == m_g.output) {
                node.reachesOutput = true;
                node.adjoint = 1.0;
                continue;
            }
            double sum = 0.0;
            for (const int e : node.outEdges) {
                const GraphEdge& edge = m_g.edges[std::size_t(e)];
                const GraphNode& child = nodes[std::size_t(edge.to)];
                if (!child.reachesOutput)
                    continue;
                node.reachesOutput = true;
                sum += child.adjoint * edge.localPartial;
            }
            node.adjoint = sum;
        }
    }

    const Expression& m_f;
    const std::vector<Node>& m_nodes;
    std::vector<double> m_values;
    std::vector<unsigned char> m_varying;
    std::vector<int> m_leafOf; ///< DAG node -> the graph node standing for it (so far)
    std::vector<unsigned char> m_mark;
    std::vector<double> m_adjoint;
    std::vector<std::string> m_text;
    std::vector<int> m_prec;
    ComputationalGraph m_g;
};

// A number in a formula: every digit, or brief (for display).
std::string numberText(double v, bool brief) {
    return brief ? briefNumberText(v) : shortestNumberText(v);
}

// "64·8" with negative factors in parentheses.
std::string factor(double v, bool brief) {
    const std::string s = numberText(v, brief);
    return v < 0 ? "(" + s + ")" : s;
}

// "512 + 512", "512 - 512": a sum written out.
std::string sumText(const std::vector<double>& terms, bool brief) {
    std::string s;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        if (i == 0)
            s = numberText(terms[i], brief);
        else if (std::signbit(terms[i]) && !std::isnan(terms[i]))
            s += " - " + numberText(-terms[i], brief);
        else
            s += " + " + numberText(terms[i], brief);
    }
    return s;
}

// A local partial, one edge: "∂u/∂a".
std::string partial(const std::string& of, const std::string& by) {
    return "∂" + of + "/∂" + by;
}

// A total derivative, every path: the adjoint "df/da", the tangent "da/dw".
std::string total(const std::string& of, const std::string& by) {
    return "d" + of + "/d" + by;
}

// "lhs = symbols = products [= terms] = result".
std::string chainFormula(const std::string& lhs, const std::vector<std::string>& symbols,
                         const std::vector<std::pair<double, double>>& factors,
                         const std::vector<double>& terms, double result, bool brief) {
    std::string s = lhs + " = ";
    std::string products;
    for (std::size_t i = 0; i < symbols.size(); ++i) {
        s += (i ? " + " : "") + symbols[i];
        products += (i ? " + " : "") + factor(factors[i].first, brief) + "·" +
                    factor(factors[i].second, brief);
    }
    s += " = " + products;
    if (terms.size() > 1)
        s += " = " + sumText(terms, brief);
    return s + " = " + numberText(result, brief);
}

} // namespace

std::string briefNumberText(double v) {
    const std::string shortest = shortestNumberText(v);
    if (!std::isfinite(v))
        return shortest;
    // The significant digits of the shortest form: its mantissa's digits, leading zeros off.
    int digits = 0;
    bool leading = true;
    for (const char c : shortest) {
        if (c == 'e')
            break;
        if (c >= '1' && c <= '9')
            leading = false;
        if (c >= '0' && c <= '9' && !leading)
            ++digits;
    }
    if (digits <= kBriefDigits)
        return shortest; // "1024", "-0.5", "1e-08": already brief
    char buffer[32];
    const auto r =
        std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::general, kBriefDigits);
    return std::string(buffer, r.ptr);
}

std::string shortestNumberText(double v) {
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    if (v == 0)
        v = 0.0; // no "-0"
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, r.ptr);
}

Eigen::VectorXd reverseGradient(const Expression& f, const Eigen::VectorXd& x) {
    const auto& nodes = f.nodes();
    const std::size_t n = nodes.size();
    // The tape: one entry per node, allocated once; nothing is allocated in the sweeps.
    struct Entry {
        double value, da, db, adjoint;
        bool varying, live;
    };
    std::vector<Entry> tape(n);
    // Forward: values and local partials.
    for (std::size_t i = 0; i < n; ++i) {
        const Node& node = nodes[i];
        Entry& e = tape[i]; // value-initialized: zeros, not varying, not live
        switch (node.op) {
        case Op::Constant:
            e.value = node.value;
            break;
        case Op::Input:
            e.value = node.input < x.size() ? x[node.input] : 0.0;
            e.varying = true;
            break;
        default: {
            const Entry& a = tape[std::size_t(node.a)];
            const bool binary = node.b >= 0;
            const double b = binary ? tape[std::size_t(node.b)].value : 0.0;
            const bool bVarying = binary && tape[std::size_t(node.b)].varying;
            const Local l = localOperation(node.op, a.value, b, bVarying);
            e.value = l.value;
            e.da = l.da;
            e.db = l.db;
            e.varying = a.varying || bVarying;
        }
        }
    }
    // Backward: adjoint(operand) += adjoint(node) * local partial, from the output down, only
    // through nodes on a path to the output and into operands that depend on an input.
    Eigen::VectorXd g = Eigen::VectorXd::Zero(Eigen::Index(f.inputCount()));
    const std::size_t out = std::size_t(f.output());
    tape[out].adjoint = 1.0;
    tape[out].live = true;
    for (std::size_t i = out + 1; i-- > 0;) {
        const Entry& e = tape[i];
        if (!e.live || !e.varying)
            continue;
        const Node& node = nodes[i];
        if (node.op == Op::Input) {
            g[node.input] = e.adjoint;
            continue;
        }
        Entry& a = tape[std::size_t(node.a)];
        if (a.varying) {
            a.adjoint += e.adjoint * e.da;
            a.live = true;
        }
        if (node.b >= 0) {
            Entry& b = tape[std::size_t(node.b)];
            if (b.varying) {
                b.adjoint += e.adjoint * e.db;
                b.live = true;
            }
        }
    }
    return g;
}

Eigen::VectorXd ComputationalGraph::gradient() const {
    Eigen::VectorXd g(Eigen::Index(inputs.size()));
    for (std::size_t i = 0; i < inputs.size(); ++i)
        g[Eigen::Index(i)] = nodes[i].adjoint;
    return g;
}

int ComputationalGraph::find(const std::string& name) const {
    for (std::size_t k = 0; k < nodes.size(); ++k)
        if (nodes[k].name == name)
            return int(k);
    return -1;
}

ComputationalGraph buildGraph(const Expression& f, const Eigen::VectorXd& x,
                              Granularity granularity) {
    return GraphBuilder(f, x).build(granularity);
}

std::vector<GraphStep> forwardSteps(const ComputationalGraph& g) {
    std::vector<GraphStep> steps;
    for (std::size_t k = g.inputs.size(); k < g.nodes.size(); ++k) {
        const GraphNode& node = g.nodes[k];
        GraphStep step{int(k), node.inEdges, {}, node.value, {}, {}};
        for (const int p : node.parents)
            step.terms.push_back(g.nodes[std::size_t(p)].value);
        // "a = (w+x+y+z)^2 = ((-1) + 0 + (-2) + 1)^2 = 4"
        for (const bool brief : {false, true}) {
            const std::string& substituted = brief ? node.substitutedBrief : node.substituted;
            std::string formula = node.name + " = " + node.expression;
            if (substituted != node.expression)
                formula += " = " + substituted;
            const std::string value = numberText(node.value, brief);
            if (value != substituted)
                formula += " = " + value;
            (brief ? step.briefFormula : step.formula) = std::move(formula);
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

std::vector<GraphStep> reverseSteps(const ComputationalGraph& g) {
    std::vector<GraphStep> steps;
    if (g.output < 0)
        return steps;
    const std::string& f = g.nodes[std::size_t(g.output)].name;
    for (int k = int(g.nodes.size()) - 1; k >= 0; --k) {
        const GraphNode& node = g.nodes[std::size_t(k)];
        GraphStep step{k, {}, {}, node.adjoint, {}, {}};
        const std::string lhs = total(f, node.name);
        if (k == g.output) {
            step.formula = step.briefFormula = lhs + " = 1";
        } else if (!node.reachesOutput) {
            step.formula = step.briefFormula = lhs + " = 0 (no path to " + f + ")";
        } else {
            std::vector<std::string> symbols;
            std::vector<std::pair<double, double>> factors;
            for (const int e : node.outEdges) {
                const GraphEdge& edge = g.edges[std::size_t(e)];
                const GraphNode& child = g.nodes[std::size_t(edge.to)];
                if (!child.reachesOutput)
                    continue;
                step.edges.push_back(e);
                step.terms.push_back(child.adjoint * edge.localPartial);
                symbols.push_back(total(f, child.name) + "·" + partial(child.name, node.name));
                factors.emplace_back(child.adjoint, edge.localPartial);
            }
            step.formula = chainFormula(lhs, symbols, factors, step.terms, node.adjoint, false);
            step.briefFormula = chainFormula(lhs, symbols, factors, step.terms, node.adjoint, true);
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

namespace {

// Tangents d node / d input and, when `steps` is given, the steps that compute them.
std::vector<double> tangentPass(const ComputationalGraph& g, int input,
                                std::vector<GraphStep>* steps) {
    std::vector<double> t(g.nodes.size(), 0.0);
    if (input < 0 || std::size_t(input) >= g.inputs.size())
        return t;
    t[std::size_t(input)] = 1.0;
    const std::string& by = g.inputs[std::size_t(input)];
    for (std::size_t k = g.inputs.size(); k < g.nodes.size(); ++k) {
        const GraphNode& node = g.nodes[k];
        GraphStep step{int(k), node.inEdges, {}, 0.0, {}, {}};
        std::vector<std::string> symbols;
        std::vector<std::pair<double, double>> factors;
        double sum = 0.0;
        // d node / d input = sum over parents p of d node / d p * d p / d input
        for (const int e : node.inEdges) {
            const GraphEdge& edge = g.edges[std::size_t(e)];
            const double term = edge.localPartial * t[std::size_t(edge.from)];
            sum += term;
            if (steps) {
                const std::string& p = g.nodes[std::size_t(edge.from)].name;
                step.terms.push_back(term);
                symbols.push_back(partial(node.name, p) + "·" + total(p, by));
                factors.emplace_back(edge.localPartial, t[std::size_t(edge.from)]);
            }
        }
        t[k] = sum;
        if (steps) {
            step.result = sum;
            const std::string lhs = total(node.name, by);
            for (const bool brief : {false, true})
                (brief ? step.briefFormula : step.formula) =
                    symbols.empty() ? lhs + " = 0"
                                    : chainFormula(lhs, symbols, factors, step.terms, sum, brief);
            steps->push_back(std::move(step));
        }
    }
    return t;
}

} // namespace

std::vector<double> forwardTangents(const ComputationalGraph& g, int input) {
    return tangentPass(g, input, nullptr);
}

std::vector<GraphStep> forwardModeSteps(const ComputationalGraph& g, int input) {
    std::vector<GraphStep> steps;
    tangentPass(g, input, &steps);
    return steps;
}

OperationCounts operationCounts(const ComputationalGraph& g) {
    OperationCounts c;
    c.forward = g.nodes.size() - g.inputs.size();
    for (const GraphEdge& e : g.edges)
        if (g.nodes[std::size_t(e.to)].reachesOutput)
            ++c.reverse;
    c.forwardModeOneInput = g.edges.size();
    c.forwardModeAllInputs = g.inputs.size() * g.edges.size();
    return c;
}

PathEnumeration enumeratePaths(const ComputationalGraph& g, int from, std::size_t cap) {
    PathEnumeration result;
    if (from < 0 || std::size_t(from) >= g.nodes.size() || g.output < 0)
        return result;
    // count[k]: paths from k to the output, saturating instead of overflowing.
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    std::vector<std::uint64_t> count(g.nodes.size(), 0);
    for (int k = int(g.nodes.size()) - 1; k >= 0; --k) {
        if (k == g.output) {
            count[std::size_t(k)] = 1;
            continue;
        }
        std::uint64_t c = 0;
        for (const int e : g.nodes[std::size_t(k)].outEdges) {
            const std::uint64_t more = count[std::size_t(g.edges[std::size_t(e)].to)];
            c = more > kMax - c ? kMax : c + more;
        }
        count[std::size_t(k)] = c;
    }
    result.count = count[std::size_t(from)];
    // Depth first along edges that lead to the output: every descent ends in a path, so the
    // work is at most the cap times the graph's depth.
    struct Frame {
        int node;
        std::size_t next; ///< the next out-edge to try
    };
    std::vector<Frame> stack{{from, 0}};
    std::vector<int> edges;
    while (!stack.empty() && result.paths.size() < cap) {
        Frame& top = stack.back();
        if (top.node == g.output) {
            GraphPath path;
            path.edges = edges;
            path.nodes.push_back(from);
            for (const int e : edges) {
                path.nodes.push_back(g.edges[std::size_t(e)].to);
                path.product *= g.edges[std::size_t(e)].localPartial;
            }
            result.sum += path.product;
            result.paths.push_back(std::move(path));
            stack.pop_back();
            if (!edges.empty())
                edges.pop_back();
            continue;
        }
        const auto& out = g.nodes[std::size_t(top.node)].outEdges;
        while (top.next < out.size() &&
               count[std::size_t(g.edges[std::size_t(out[top.next])].to)] == 0)
            ++top.next;
        if (top.next == out.size()) {
            stack.pop_back();
            if (!edges.empty())
                edges.pop_back();
            continue;
        }
        const int e = out[top.next++];
        edges.push_back(e);
        stack.push_back({g.edges[std::size_t(e)].to, 0});
    }
    if (result.count > result.paths.size()) {
        result.truncated = true;
        const std::string total = result.count == kMax ? "more than " + std::to_string(kMax)
                                                       : std::to_string(result.count);
        result.message = "there are " + total + " paths from " + g.nodes[std::size_t(from)].name +
                         " to " + g.nodes[std::size_t(g.output)].name + "; listing the first " +
                         std::to_string(result.paths.size()) +
                         " (their sum is not the adjoint; the adjoint is " +
                         shortestNumberText(g.nodes[std::size_t(from)].adjoint) + ")";
    }
    return result;
}

} // namespace gs
