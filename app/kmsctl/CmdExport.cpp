// SPDX-License-Identifier: MIT
// kmsctl export: the records a browse query matches, written to a file every reader imports.
#include "Command.h"

#include "engine/Engine.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonObject>

namespace kms::cli {

namespace {

class ExportCommand : public EngineCommand {
public:
    ExportCommand()
        : EngineCommand("export", "FILE [--collection C] [--text WORDS] [--status S] ...",
                        "write matching records to .csv, .jsonl or .json (re-importable)")
    {
    }

protected:
    bool readsOnly() const override { return true; }
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Writes the records of one collection that match the filters, newest first, to FILE. The format\n"
            "follows the name (.csv, .jsonl or .json), in the layout `kmsctl ingest` reads back. The file\n"
            "appears only when complete; the records are one snapshot, even while a job writes."));
        parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("Where to write (.csv, .jsonl, .json)."),
                                     QStringLiteral("FILE"));
        parser.addOption({QStringLiteral("collection"), QStringLiteral("cases (default) or knowledge."), QStringLiteral("c"),
                          QStringLiteral("cases")});
        parser.addOption({QStringLiteral("text"), QStringLiteral("Words that must all occur (search syntax)."),
                          QStringLiteral("words")});
        parser.addOption({QStringLiteral("status"), QStringLiteral("Only this status."), QStringLiteral("s")});
        parser.addOption({QStringLiteral("priority"), QStringLiteral("Only this priority."), QStringLiteral("p")});
        parser.addOption({QStringLiteral("product"), QStringLiteral("Only this product."), QStringLiteral("p")});
        parser.addOption({QStringLiteral("category"), QStringLiteral("Only this category."), QStringLiteral("c")});
        parser.addOption({QStringLiteral("tag"), QStringLiteral("Only records with this tag."), QStringLiteral("t")});
    }
    int check(const QCommandLineParser &parser) override;
    int runOn(const Context &ctx, const QCommandLineParser &parser, Engine &engine) override;

private:
    QString m_path;
    BrowseQuery m_query;
};

int ExportCommand::check(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1) {
        err(QStringLiteral("kmsctl export: give exactly one output file"));
        return Usage;
    }
    m_path = QFileInfo(parser.positionalArguments().first()).absoluteFilePath();
    m_query = BrowseQuery();
    const auto collection = collectionFromName(parser.value(QStringLiteral("collection")));
    if (!collection) {
        err(QStringLiteral("kmsctl export: unknown collection '%1' (use cases or knowledge)")
                .arg(parser.value(QStringLiteral("collection"))));
        return Usage;
    }
    m_query.collection = *collection;
    m_query.text = parser.value(QStringLiteral("text"));
    m_query.status = parser.value(QStringLiteral("status"));
    m_query.priority = parser.value(QStringLiteral("priority"));
    m_query.product = parser.value(QStringLiteral("product"));
    m_query.category = parser.value(QStringLiteral("category"));
    m_query.tag = parser.value(QStringLiteral("tag"));
    return Ok;
}

int ExportCommand::runOn(const Context &ctx, const QCommandLineParser &, Engine &engine)
{
    const ExportResult r = engine.exportRecords(m_query, m_path);
    if (!r.ok) {
        err(QStringLiteral("kmsctl export: %1").arg(r.error));
        return Failed;
    }
    if (ctx.json)
        printJson(QJsonObject{{QStringLiteral("file"), r.path}, {QStringLiteral("records"), r.records}});
    else if (!ctx.quiet)
        out(QStringLiteral("%1 records written to %2").arg(r.records).arg(r.path));
    return Ok;
}

} // namespace

std::unique_ptr<Command> makeExportCommand() { return std::make_unique<ExportCommand>(); }

} // namespace kms::cli
