// SPDX-License-Identifier: MIT
// A model folder's JSON configs through loadEncoderConfig. The input holds up to five files split
// at lines "--8<--": config.json, 1_Pooling/config.json, sentence_bert_config.json,
// tokenizer_config.json, tokenizer.json; a part left out is a file the folder does not have.
// (modules.json is not fuzzed: it only names the pooling folder, a path, not a format.)
#include "FuzzScratch.h"

#include "encoder/ModelConfig.h"
#include "encoder/ModelError.h"

using namespace kms;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const kFiles[] = {"config.json", "1_Pooling/config.json", "sentence_bert_config.json",
                                         "tokenizer_config.json", "tokenizer.json"};
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> parts = input.split('\n');
    QList<QByteArray> files(1);
    for (const QByteArray &line : parts) {
        if (line == "--8<--") {
            files.append(QByteArray());
            continue;
        }
        files.last().append(line).append('\n');
    }
    for (qsizetype i = 0; i < qsizetype(std::size(kFiles)); ++i) {
        const QString name = QString::fromLatin1(kFiles[i]);
        if (i < files.size())
            fuzz::writeScratch(QStringLiteral("model/") + name, files[i].constData(), files[i].size());
        else
            fuzz::removeScratch(QStringLiteral("model/") + name);
    }
    try {
        const EncoderConfig c = loadEncoderConfig(fuzz::scratchDir() + QStringLiteral("/model"));
        (void)poolingName(c.pooling);
    } catch (const ModelError &) {
        // refused with a message naming the file and the field
    }
    return 0;
}
