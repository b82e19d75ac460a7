// SPDX-License-Identifier: MIT
#include "encoder/ModelConfig.h"

#include "encoder/ModelError.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kms {

namespace {

QJsonObject readJson(const QString &dir, const QString &file, bool required)
{
    QFile f(QDir(dir).filePath(file));
    if (!f.exists()) {
        if (required)
            throw ModelError(file + QStringLiteral(": missing from the model folder %1").arg(dir));
        return {};
    }
    if (!f.open(QIODevice::ReadOnly))
        throw ModelError(file + QStringLiteral(": cannot open: %1").arg(f.errorString()));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        throw ModelError(file + QStringLiteral(": not a JSON object (%1 at offset %2)")
                                    .arg(err.errorString()).arg(err.offset));
    return doc.object();
}

int positiveInt(const QJsonObject &o, const char *key, const QString &file, int fallback = -1)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() && fallback > 0)
        return fallback;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 1 || d > 1e9 || int(d) != d)
        throw ModelError(file + QStringLiteral(": \"%1\" must be a positive integer").arg(QLatin1String(key)));
    return int(d);
}

bool isEncoderArchitecture(const QString &a)
{
    return a.startsWith(QLatin1String("Bert")) && !a.contains(QLatin1String("LMHead"))
           && !a.contains(QLatin1String("Generation"));
}

Pooling readPooling(const QString &dir)
{
    // modules.json says where the Pooling module lives; 1_Pooling is the usual place.
    QString poolingDir = QStringLiteral("1_Pooling");
    QFile modules(QDir(dir).filePath(QStringLiteral("modules.json")));
    if (modules.open(QIODevice::ReadOnly)) {
        for (const QJsonValue &m : QJsonDocument::fromJson(modules.readAll()).array()) {
            const QJsonObject o = m.toObject();
            if (o.value(QLatin1String("type")).toString().endsWith(QLatin1String("Pooling")))
                poolingDir = o.value(QLatin1String("path")).toString();
        }
    }
    const QString file = poolingDir + QStringLiteral("/config.json");
    const QJsonObject o = readJson(dir, file, false);
    if (o.isEmpty())
        return Pooling::Mean;
    const bool cls = o.value(QLatin1String("pooling_mode_cls_token")).toBool();
    const bool mean = o.value(QLatin1String("pooling_mode_mean_tokens")).toBool();
    const bool max = o.value(QLatin1String("pooling_mode_max_tokens")).toBool();
    for (const char *other : {"pooling_mode_mean_sqrt_len_tokens", "pooling_mode_weightedmean_tokens",
                              "pooling_mode_lasttoken"}) {
        if (o.value(QLatin1String(other)).toBool())
            throw ModelError(file + QStringLiteral(": %1 is not supported (mean, CLS or max only)")
                                        .arg(QLatin1String(other)));
    }
    if (int(cls) + int(mean) + int(max) != 1)
        throw ModelError(file + QStringLiteral(": exactly one of pooling_mode_cls_token, "
                                               "pooling_mode_mean_tokens, pooling_mode_max_tokens must be true"));
    return cls ? Pooling::Cls : mean ? Pooling::Mean : Pooling::Max;
}

void readTokenizerFlags(const QString &dir, EncoderConfig *c)
{
    // tokenizer.json is what the fast tokenizer (and so sentence-transformers) obeys; it wins over
    // tokenizer_config.json when both exist.
    const QJsonObject fast = readJson(dir, QStringLiteral("tokenizer.json"), false);
    const QJsonObject norm = fast.value(QLatin1String("normalizer")).toObject();
    if (norm.value(QLatin1String("type")).toString() == QLatin1String("BertNormalizer")) {
        c->lowerCase = norm.value(QLatin1String("lowercase")).toBool(true);
        const QJsonValue strip = norm.value(QLatin1String("strip_accents"));
        c->stripAccents = strip.isBool() ? strip.toBool() : c->lowerCase;
        return;
    }
    const QJsonObject slow = readJson(dir, QStringLiteral("tokenizer_config.json"), false);
    c->lowerCase = slow.value(QLatin1String("do_lower_case")).toBool(true);
    const QJsonValue strip = slow.value(QLatin1String("strip_accents"));
    c->stripAccents = strip.isBool() ? strip.toBool() : c->lowerCase;
}

} // namespace

QString poolingName(Pooling p)
{
    switch (p) {
    case Pooling::Mean: return QStringLiteral("mean");
    case Pooling::Cls: return QStringLiteral("cls");
    case Pooling::Max: return QStringLiteral("max");
    }
    return {};
}

EncoderConfig loadEncoderConfig(const QString &dir)
{
    if (!QDir(dir).exists())
        throw ModelError(QStringLiteral("model folder %1 does not exist").arg(dir));
    const QString file = QStringLiteral("config.json");
    const QJsonObject o = readJson(dir, file, true);

    const QString type = o.value(QLatin1String("model_type")).toString();
    if (type != QLatin1String("bert"))
        throw ModelError(file + QStringLiteral(": model_type \"%1\" is not supported; only BERT-family "
                                               "encoders (model_type \"bert\") can be loaded").arg(type));
    for (const QJsonValue &a : o.value(QLatin1String("architectures")).toArray()) {
        if (!isEncoderArchitecture(a.toString()))
            throw ModelError(file + QStringLiteral(": architecture \"%1\" is not a BERT encoder")
                                        .arg(a.toString()));
    }
    if (o.value(QLatin1String("is_decoder")).toBool() || o.value(QLatin1String("add_cross_attention")).toBool())
        throw ModelError(file + QStringLiteral(": a decoder configuration (is_decoder / add_cross_attention) "
                                               "cannot embed sentences"));
    const QString positions = o.value(QLatin1String("position_embedding_type")).toString(QStringLiteral("absolute"));
    if (positions != QLatin1String("absolute"))
        throw ModelError(file + QStringLiteral(": position_embedding_type \"%1\" is not supported (absolute only)")
                                    .arg(positions));

    EncoderConfig c;
    BertConfig &b = c.bert;
    b.vocabSize = positiveInt(o, "vocab_size", file);
    b.hidden = positiveInt(o, "hidden_size", file);
    b.layers = positiveInt(o, "num_hidden_layers", file);
    b.heads = positiveInt(o, "num_attention_heads", file);
    b.intermediate = positiveInt(o, "intermediate_size", file);
    b.maxPositions = positiveInt(o, "max_position_embeddings", file);
    b.typeVocabSize = positiveInt(o, "type_vocab_size", file, 2);
    if (b.hidden % b.heads != 0)
        throw ModelError(file + QStringLiteral(": hidden_size %1 is not a multiple of num_attention_heads %2")
                                    .arg(b.hidden).arg(b.heads));
    const QJsonValue eps = o.value(QLatin1String("layer_norm_eps"));
    b.layerNormEps = eps.isUndefined() ? 1e-12 : eps.toDouble(-1);
    if (!(b.layerNormEps > 0 && b.layerNormEps < 1))
        throw ModelError(file + QStringLiteral(": layer_norm_eps must be a small positive number"));
    const QString act = o.value(QLatin1String("hidden_act")).toString(QStringLiteral("gelu"));
    if (act == QLatin1String("gelu"))
        b.activation = Activation::Gelu;
    else if (act == QLatin1String("gelu_new") || act == QLatin1String("gelu_pytorch_tanh"))
        b.activation = Activation::GeluTanh;
    else if (act == QLatin1String("relu"))
        b.activation = Activation::Relu;
    else
        throw ModelError(file + QStringLiteral(": hidden_act \"%1\" is not supported (gelu, gelu_new, relu)").arg(act));

    c.pooling = readPooling(dir);
    readTokenizerFlags(dir, &c);

    const QString stFile = QStringLiteral("sentence_bert_config.json");
    const QJsonObject st = readJson(dir, stFile, false);
    c.maxSeqLength = st.contains(QLatin1String("max_seq_length"))
                         ? positiveInt(st, "max_seq_length", stFile)
                         : b.maxPositions;
    if (c.maxSeqLength < 2)
        throw ModelError(stFile + QStringLiteral(": max_seq_length must leave room for [CLS] and [SEP]"));
    // A position past the embedding table does not exist: cap rather than read beyond it.
    c.maxSeqLength = std::min(c.maxSeqLength, b.maxPositions);
    return c;
}

} // namespace kms
