// SPDX-License-Identifier: MIT
// kmsctl embed: the vectors (and token ids) a local model folder gives for some texts, for scripts
// and for checking the encoder against other implementations such as sentence-transformers.
#include "Command.h"

#include "encoder/BertEmbedder.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace kms::cli {

namespace {

// Reads a model folder, not the data directory: the store is never opened.
class EmbedCommand : public OptionCommand {
public:
    EmbedCommand()
        : OptionCommand("embed", "TEXT... --model DIR [--tokens]",
                        "vectors of a local sentence-transformers model folder")
    {
    }

protected:
    void setup(QCommandLineParser &parser) const override;
    int run(const Context &ctx, const QCommandLineParser &parser) override;
};

void EmbedCommand::setup(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(QStringLiteral(
        "Prints the vector a sentence-transformers model folder (BERT family, vocab.txt) gives each TEXT:\n"
        "truncated at the model's max_seq_length, pooled as the model says, L2-normalised."));
    parser.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("Texts to embed."), QStringLiteral("TEXT..."));
    parser.addOption({QStringLiteral("model"), QStringLiteral("The model folder."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("tokens"), QStringLiteral("Print the token ids too.")});
    parser.addOption({QStringLiteral("query"), QStringLiteral("The texts are queries (use the query prefix).")});
    parser.addOption({QStringLiteral("query-prefix"), QStringLiteral("Put before queries, e.g. \"query: \"."),
                      QStringLiteral("text")});
    parser.addOption({QStringLiteral("document-prefix"), QStringLiteral("Put before documents, e.g. \"passage: \"."),
                      QStringLiteral("text")});
}

int EmbedCommand::run(const Context &ctx, const QCommandLineParser &parser)
{
    const QStringList texts = parser.positionalArguments();
    if (!parser.isSet(QStringLiteral("model")) || texts.isEmpty()) {
        err(QStringLiteral("kmsctl embed: give --model DIR and at least one TEXT"));
        return Usage;
    }
    BertEmbedderOptions options;
    options.queryPrefix = parser.value(QStringLiteral("query-prefix"));
    options.documentPrefix = parser.value(QStringLiteral("document-prefix"));
    QString error;
    const auto embedder = BertEmbedder::load(parser.value(QStringLiteral("model")), options, &error);
    if (!embedder) {
        err(QStringLiteral("kmsctl embed: %1").arg(error));
        return Failed;
    }

    const bool query = parser.isSet(QStringLiteral("query"));
    std::vector<EmbedInput> inputs;
    for (const QString &t : texts)
        inputs.push_back(EmbedInput{t, {}, query});
    const size_t d = size_t(embedder->dimension());
    std::vector<float> vectors(inputs.size() * d);
    const EmbedBatchResult result = embedder->embedBatch(inputs, vectors);
    if (!result.allOk()) {
        err(QStringLiteral("kmsctl embed: %1").arg(result.message));
        return Failed;
    }

    const bool withTokens = parser.isSet(QStringLiteral("tokens"));
    QJsonArray items;
    for (size_t i = 0; i < inputs.size(); ++i) {
        QJsonArray vector, tokens;
        QStringList vectorText, tokenText;
        for (size_t j = 0; j < d; ++j) {
            vector.append(double(vectors[i * d + j]));
            vectorText << QString::number(vectors[i * d + j], 'g', 9);
        }
        if (withTokens) {
            for (int id : embedder->tokenize(inputs[i])) {
                tokens.append(id);
                tokenText << QString::number(id);
            }
        }
        if (ctx.json) {
            QJsonObject item{{QStringLiteral("text"), texts[qsizetype(i)]}, {QStringLiteral("vector"), vector}};
            if (withTokens)
                item.insert(QStringLiteral("tokens"), tokens);
            items.append(item);
        } else {
            out(texts[qsizetype(i)]);
            if (withTokens)
                out(QStringLiteral("  tokens: ") + tokenText.join(QLatin1Char(' ')));
            out(QStringLiteral("  vector: ") + vectorText.join(QLatin1Char(' ')));
        }
    }
    if (ctx.json)
        printJson(QJsonObject{{QStringLiteral("embedder"), embedder->id()},
                              {QStringLiteral("dimension"), embedder->dimension()},
                              {QStringLiteral("items"), items}});
    else if (!ctx.quiet)
        err(QStringLiteral("embedder %1").arg(embedder->id()));
    return Ok;
}

} // namespace

std::unique_ptr<Command> makeEmbedCommand() { return std::make_unique<EmbedCommand>(); }

} // namespace kms::cli
