// SPDX-License-Identifier: MIT
// kmsctl generate: deterministic synthetic support data for demos, tests and benchmarks.
#include "Command.h"

#include "synth/CorpusWriter.h"
#include "synth/EvalSet.h"
#include "synth/Generator.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>

namespace kms::cli {

namespace {

class GenerateCommand : public OptionCommand {
public:
    GenerateCommand()
        : OptionCommand("generate", "--cases N --articles N --out FILE [--seed S]",
                        "realistic synthetic support data (.jsonl, .json, .csv)")
    {
    }

protected:
    void setup(QCommandLineParser &parser) const override
    {
        parser.setApplicationDescription(QStringLiteral(
            "Writes realistic synthetic support data: knowledge articles first, then cases (with near-duplicates\n"
            "and cases answered by articles). Format from the extension: .jsonl, .json or .csv.\n"
            "The same seed always gives the same bytes."));
        parser.addOption({QStringLiteral("cases"), QStringLiteral("Number of cases."), QStringLiteral("n"), QStringLiteral("1000")});
        parser.addOption({QStringLiteral("articles"), QStringLiteral("Number of knowledge articles."), QStringLiteral("n"), QStringLiteral("100")});
        parser.addOption({QStringLiteral("out"), QStringLiteral("Output file (.jsonl, .json, .csv)."), QStringLiteral("file")});
        parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("s"), QStringLiteral("1")});
        parser.addOption({QStringLiteral("eval-set"),
                          QStringLiteral("Instead of --out: write a BEIR-layout test collection (corpus.jsonl,\n"
                                         "queries.jsonl, qrels/test.tsv) for kmsctl eval into this folder."),
                          QStringLiteral("dir")});
        parser.addOption({QStringLiteral("queries"), QStringLiteral("With --eval-set: held-out cases used as queries."),
                          QStringLiteral("n"), QStringLiteral("300")});
    }
    int run(const Context &ctx, const QCommandLineParser &parser) override;
};

int GenerateCommand::run(const Context &ctx, const QCommandLineParser &parser)
{
    const bool evalSet = parser.isSet(QStringLiteral("eval-set"));
    if (evalSet == parser.isSet(QStringLiteral("out"))) {
        err(QStringLiteral("kmsctl generate: give either --out FILE or --eval-set DIR"));
        return Usage;
    }
    SynthOptions o;
    bool okCases = false, okArticles = false, okSeed = false;
    o.cases = parser.value(QStringLiteral("cases")).toLongLong(&okCases);
    o.articles = parser.value(QStringLiteral("articles")).toLongLong(&okArticles);
    o.seed = parser.value(QStringLiteral("seed")).toULongLong(&okSeed);
    if (!okCases || !okArticles || !okSeed) {
        err(QStringLiteral("kmsctl generate: --cases, --articles and --seed take whole numbers"));
        return Usage;
    }
    QString error;
    if (!Generator::validate(o, &error)) {
        err(QStringLiteral("kmsctl generate: %1").arg(error));
        return Usage;
    }
    if (evalSet) {
        bool okQueries = false;
        const qint64 queries = parser.value(QStringLiteral("queries")).toLongLong(&okQueries);
        const QString dir = parser.value(QStringLiteral("eval-set"));
        EvalSetStats stats;
        if (!okQueries || !writeSyntheticEvalSet(o, queries, dir, &error, &stats)) {
            err(QStringLiteral("kmsctl generate: %1").arg(okQueries ? error : QStringLiteral("--queries takes a whole number")));
            return okQueries ? Failed : Usage;
        }
        if (ctx.json)
            printJson(QJsonObject{{QStringLiteral("directory"), QFileInfo(dir).absoluteFilePath()},
                                  {QStringLiteral("documents"), stats.documents},
                                  {QStringLiteral("queries"), stats.queries},
                                  {QStringLiteral("judgements"), stats.judgements}});
        else if (!ctx.quiet)
            out(QStringLiteral("wrote %1 documents, %2 queries and %3 judgements to %4")
                    .arg(stats.documents).arg(stats.queries).arg(stats.judgements).arg(dir));
        return Ok;
    }
    const QString path = parser.value(QStringLiteral("out"));
    const bool showProgress = !ctx.quiet && !ctx.json && stdoutIsTerminal();
    QElapsedTimer timer;
    timer.start();
    const bool ok = writeSyntheticCorpus(o, path, &error, nullptr, [&](qint64 done, qint64 total) {
        if (showProgress) {
            const QByteArray line = QStringLiteral("\rgenerating %1 / %2 records").arg(done).arg(total).toUtf8();
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            std::fflush(stdout);
        }
        return true;
    });
    if (showProgress)
        out(QString());
    if (!ok) {
        err(QStringLiteral("kmsctl generate: %1").arg(error));
        return Failed;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 total = o.cases + o.articles;
    if (ctx.json)
        printJson(QJsonObject{{QStringLiteral("file"), QFileInfo(path).absoluteFilePath()},
                              {QStringLiteral("cases"), o.cases}, {QStringLiteral("articles"), o.articles},
                              {QStringLiteral("seed"), QString::number(o.seed)},
                              {QStringLiteral("bytes"), QFileInfo(path).size()},
                              {QStringLiteral("seconds"), seconds}});
    else if (!ctx.quiet)
        out(QStringLiteral("wrote %1 records (%2 cases, %3 articles) to %4 (%5) in %6 s")
                .arg(humanCount(double(total))).arg(o.cases).arg(o.articles).arg(path)
                .arg(humanBytes(double(QFileInfo(path).size()))).arg(seconds, 0, 'f', 1));
    return Ok;
}

} // namespace

std::unique_ptr<Command> makeGenerateCommand()
{
    return std::make_unique<GenerateCommand>();
}

} // namespace kms::cli
