// SPDX-License-Identifier: MIT
// A model's vocab.txt through WordPieceTokenizer (id = line number; [CLS] [SEP] [UNK] [PAD] needed),
// then tokenising text with it: a fixed sentence with accents, CJK and punctuation, and the
// vocabulary's own bytes, so odd entries ("##", empty lines, invalid UTF-8) meet the WordPiece loop.
#include "FuzzScratch.h"

#include "encoder/ModelError.h"
#include "encoder/WordPieceTokenizer.h"

using namespace kms;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzz::writeScratch(QStringLiteral("vocab.txt"), reinterpret_cast<const char *>(data),
                                            qsizetype(size));
    // The flags come from the model's tokenizer config; take them from the input so both paths run.
    const bool lowerCase = size > 0 && (data[size - 1] & 1);
    const bool stripAccents = size > 0 && (data[size - 1] & 2);
    try {
        const WordPieceTokenizer tokenizer(path, lowerCase, stripAccents);
        (void)tokenizer.encode(QStringLiteral("Der Drucker-Spooler stürzt ab: 打印机 \"VPN\" ##unaffable!"), 64);
        (void)tokenizer.encode(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(std::min<size_t>(size, 512))), 128);
        (void)tokenizer.encode(QString(), 2);
    } catch (const ModelError &) {
        // a vocabulary without the special tokens is refused with a message
    }
    return 0;
}
