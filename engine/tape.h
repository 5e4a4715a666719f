#pragma once
// The one forward sweep over an expression's DAG, shared by every scalar type the
// engine evaluates with (double, Eigen arrays, second-order jets). A scalar type
// plugs in through an `Ops` object with constant(), unary(), binary() and powConst().

#include "expression.h"

#include <vector>

namespace gs::detail {

template <class T, class Ops>
std::vector<T> forwardPass(const Expression& f, const std::vector<T>& inputs, const Ops& ops) {
    const auto& nodes = f.nodes();
    std::vector<T> v;
    v.reserve(nodes.size());
    for (const Node& n : nodes) {
        // A node that depends on no input is its folded value, with zero derivatives: an
        // infinite local derivative (sqrt at 0, acos at -1) never meets a zero tangent.
        if (!n.variable) {
            v.push_back(ops.constant(n.value));
            continue;
        }
        switch (n.op) {
        case Op::Input:
            v.push_back(inputs[static_cast<std::size_t>(n.input)]);
            break;
        case Op::Add:
        case Op::Sub:
        case Op::Mul:
        case Op::Div:
            v.push_back(ops.binary(n.op, v[n.a], v[n.b]));
            break;
        case Op::Pow:
            // A constant exponent (however written: -1, 1+1, n = -1; x^n) gets the power
            // rule, which also holds for negative bases and integer exponents.
            if (!nodes[n.b].variable)
                v.push_back(ops.powConst(v[n.a], nodes[n.b].value));
            else
                v.push_back(ops.binary(Op::Pow, v[n.a], v[n.b]));
            break;
        default:
            v.push_back(ops.unary(n.op, v[n.a]));
        }
    }
    return v;
}

} // namespace gs::detail
