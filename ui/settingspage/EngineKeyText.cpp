// SPDX-License-Identifier: MIT
#include "settingspage/EngineKeyText.h"

#include <QLocale>

namespace kms::ui {

QString EngineKeyText::label(const QString &key)
{
    if (key == u"embeddingDimension")
        return tr("Dimension");
    if (key == u"hnswM")
        return tr("Links per node (M)");
    if (key == u"hnswEfConstruction")
        return tr("Build breadth (efConstruction)");
    if (key == u"hnswEfSearch")
        return tr("Search breadth (efSearch)");
    if (key == u"workers")
        return tr("Workers for automatic jobs");
    if (key == u"batchSize")
        return tr("Batch size for automatic jobs");
    if (key == u"embeddingCacheEntries")
        return tr("Embedding cache");
    if (key == u"indexSaveIntervalSec")
        return tr("Index save interval");
    if (key == u"metricsRetentionDays")
        return tr("Metrics history");
    return key;
}

QString EngineKeyText::help(const QString &key)
{
    if (key == u"embeddingDimension")
        return tr("Length of the embedding vectors. Changing it re-embeds every record and rebuilds the vector index.");
    if (key == u"hnswM")
        return tr("Neighbours each node keeps in the HNSW graph. More improves recall and costs memory. "
                  "Changing it rebuilds the vector index.");
    if (key == u"hnswEfConstruction")
        return tr("Candidates examined while a vector is inserted. More builds a better graph, more slowly. "
                  "Changing it rebuilds the vector index.");
    if (key == u"hnswEfSearch")
        return tr("Candidates examined per vector query. More finds more true neighbours and takes longer. "
                  "Applies at once.");
    if (key == u"workers")
        return tr("Threads of an ingestion job that leaves the number of workers on automatic. "
                  "Automatic: one per processor core. Applies to the next job.");
    if (key == u"batchSize")
        return tr("Records per committed batch for a job that leaves it on automatic. "
                  "Automatic: the ingestion mode chooses. Applies to the next job.");
    if (key == u"embeddingCacheEntries")
        return tr("Embeddings kept in memory, so repeated texts are not embedded again. Applies at once.");
    if (key == u"indexSaveIntervalSec")
        return tr("How often a long ingestion job saves the vector index. Applies to the next job.");
    if (key == u"metricsRetentionDays")
        return tr("How long the dashboard's metrics history is kept.");
    return {};
}

QString EngineKeyText::specialValueText(const QString &key)
{
    if (key == u"workers")
        return tr("Automatic (one per core)");
    if (key == u"batchSize")
        return tr("Automatic");
    if (key == u"embeddingCacheEntries")
        return tr("Off");
    return {};
}

QString EngineKeyText::suffix(const QString &key)
{
    if (key == u"indexSaveIntervalSec")
        return tr(" s", "seconds");
    if (key == u"metricsRetentionDays")
        return tr(" days");
    if (key == u"embeddingCacheEntries")
        return tr(" entries");
    return {};
}

QString EngineKeyText::invalidMessage(const EngineConfig &config, const QString &key)
{
    int min = 0, max = 0;
    for (const EngineConfig::KeyInfo &k : EngineConfig::keys()) {
        if (k.name == key) {
            min = k.min;
            max = k.max;
        }
    }
    const QString value = QLocale().toString(config.value(key));
    if (key == u"batchSize")
        return tr("%1 (%2) must be 0 (automatic) or between 50 and %3; %4 is not allowed.")
            .arg(label(key), key, QLocale().toString(max), value);
    return tr("%1 (%2) must be between %3 and %4; %5 is not allowed.")
        .arg(label(key), key, QLocale().toString(min), QLocale().toString(max), value);
}

QString EngineKeyText::parameterLabel(const QString &key)
{
    if (key == u"dimension")
        return tr("Dimension");
    if (key == u"wordBigrams")
        return tr("Word pairs");
    if (key == u"charNgrams")
        return tr("Character n-grams");
    if (key == u"unigramWeight")
        return tr("Word weight");
    if (key == u"bigramWeight")
        return tr("Word pair weight");
    if (key == u"charNgramWeight")
        return tr("Character n-gram weight");
    return key;
}

QString EngineKeyText::parameterValue(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::Bool: return value.toBool() ? tr("on") : tr("off");
    case QMetaType::Double:
    case QMetaType::Float: return QLocale().toString(value.toDouble(), 'g', 3);
    case QMetaType::Int:
    case QMetaType::LongLong: return QLocale().toString(value.toLongLong());
    default: break;
    }
    const QString text = value.toString();
    return text == u"off" ? tr("off") : text;
}

} // namespace kms::ui
