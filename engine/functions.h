#pragma once
// The expression language's functions, one table entry each: name (and alias), arity,
// value, optional vectorized form for grids, first and second derivative, one line of help.
// Every evaluator reads this table: the parser (names, arities), the point evaluator, the
// grid evaluator (Eigen arrays), the jet evaluator (derivatives) and the editor's help.
// Adding a function to the language is adding one entry in functions.cpp (and its Op).

#include "expression.h"

#include <Eigen/Core>
#include <span>
#include <string_view>

namespace gs {

/// f(u), f'(u), f''(u) of a one-argument function at u.
struct UnaryDerivatives {
    double f, d1, d2;
};

struct FunctionEntry {
    Op op;
    const char* name;  ///< as written in the language; nullptr for an operator (unary minus)
    const char* alias; ///< a second name (ln for log), or nullptr
    int arity;         ///< 1, or 2 for pow (whose value and derivatives are the binary ^ rules)
    double (*value)(double u);
    /// The grid kernel (gridkernel.cpp, built per instruction set) has an Eigen packet form
    /// (exp, log, sqrt, sin, ...); false: `value` applied element by element.
    bool vectorized;
    /// f'(u) and f''(u) given u and f = value(u).
    UnaryDerivatives (*derivatives)(double u, double f);
    const char* help; ///< one line for the editor's help, e.g. "sigmoid(u) = 1/(1+e^-u)"
    /// An interval inside the domain where f is smooth: tests sample d1 and d2 there.
    double smoothLo, smoothHi;
};

/// Every function and unary operator of the language, in the order of the help.
std::span<const FunctionEntry> functionTable();

/// The entry for a unary op (Neg, Exp, ..., Softplus) or Pow; nullptr for other ops.
const FunctionEntry* functionEntry(Op op);
/// The entry called `name` (a name or an alias); nullptr when none.
const FunctionEntry* findFunction(std::string_view name);

/// Scalar value of a unary op: the table's `value`; NaN for an op that is not unary.
double applyUnary(Op op, double x);
/// f, f', f'' of a unary op at u (NaN for an op that is not unary).
UnaryDerivatives unaryDerivatives(Op op, double u);

} // namespace gs
