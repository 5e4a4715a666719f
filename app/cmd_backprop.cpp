#include "commands.h"

#include "commandargs.h"
#include "graph.h"
#include "jsonutil.h"
#include "options.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace gs {

namespace {

QString name(const ComputationalGraph& g, int node) {
    return QString::fromStdString(g.nodes[std::size_t(node)].name);
}

} // namespace

/// Statements when the program has named statements, else operations; --granularity chooses.
Granularity granularityOption(const QCommandLineParser& p) {
    if (!p.isSet(QStringLiteral("granularity")))
        return Granularity::Statements; // a single expression gets operations (buildGraph)
    const QString g = p.value(QStringLiteral("granularity")).trimmed().toLower();
    if (g == QLatin1String("statements"))
        return Granularity::Statements;
    if (g == QLatin1String("operations"))
        return Granularity::Operations;
    throw UsageError(QStringLiteral("--granularity: unknown value '%1' (use statements or "
                                    "operations)")
                         .arg(p.value(QStringLiteral("granularity"))));
}

int backpropCommand(const QCommandLineParser& p) {
    const QString text = requiredValue(p, QStringLiteral("function"));
    const Expression f = functionOption(p);
    const Granularity wanted = granularityOption(p);
    const Eigen::VectorXd x = parseNumberList(
        QStringLiteral("--point"), requiredValue(p, QStringLiteral("point")), int(f.inputCount()));
    const ComputationalGraph g = buildGraph(f, x, wanted);

    QJsonArray inputs, nodes, edges;
    QJsonObject gradient;
    for (const auto& input : g.inputs)
        inputs.append(QString::fromStdString(input));
    for (const GraphNode& node : g.nodes) {
        QJsonArray parents;
        for (const int parent : node.parents)
            parents.append(name(g, parent));
        nodes.append(QJsonObject{
            {QStringLiteral("name"), QString::fromStdString(node.name)},
            {QStringLiteral("expression"), QString::fromStdString(node.expression)},
            {QStringLiteral("parents"), parents},
            {QStringLiteral("value"), json::number(node.value)},
            {QStringLiteral("adjoint"), json::number(node.adjoint)},
        });
        if (node.input >= 0)
            gradient[QString::fromStdString(node.name)] = json::number(node.adjoint);
    }
    for (const GraphEdge& e : g.edges)
        edges.append(QJsonObject{
            {QStringLiteral("from"), name(g, e.from)},
            {QStringLiteral("to"), name(g, e.to)},
            {QStringLiteral("local_partial"), json::number(e.localPartial)},
        });
    const OperationCounts c = operationCounts(g);
    QJsonObject o;
    o[QStringLiteral("inputs")] = inputs;
    o[QStringLiteral("output")] = name(g, g.output);
    o[QStringLiteral("granularity")] = g.granularity == Granularity::Statements
                                           ? QStringLiteral("statements")
                                           : QStringLiteral("operations");
    o[QStringLiteral("nodes")] = nodes;
    o[QStringLiteral("edges")] = edges;
    o[QStringLiteral("gradient")] = gradient;
    o[QStringLiteral("operations")] = QJsonObject{
        {QStringLiteral("forward"), qint64(c.forward)},
        {QStringLiteral("reverse"), qint64(c.reverse)},
        {QStringLiteral("forward_mode_all_inputs"), qint64(c.forwardModeAllInputs)},
    };
    printJson(o);
    return 0;
}

} // namespace gs
