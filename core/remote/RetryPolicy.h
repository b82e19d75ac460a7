// SPDX-License-Identifier: MIT
#pragma once

#include "remote/HttpClient.h"

#include <QString>

namespace kms {

// What to do with one attempt's outcome.
enum class AttemptVerdict {
    Done,      // 2xx: read the vectors
    Retry,     // 429, 5xx, network error, timeout, an answer we could not read: wait and try again
    Split,     // 413: the batch is too large for the server; halve it
    Isolate,   // 400 / 422: something in the batch is refused; halve it to find the item
    Stop,      // 401, 403, 404 and other 4xx: no retry will help, for any input
};

AttemptVerdict classifyAttempt(const HttpReply &reply);

// Milliseconds to wait before attempt `attempt` (1 = the first retry): full-jitter exponential
// backoff (uniform in 0..min(max, base * 2^(attempt-1))), but never less than what Retry-After
// asks (seconds or an HTTP date) when the server sent one; Retry-After is capped at 10 × max.
int retryDelayMs(int attempt, int baseMs, int maxMs, const QByteArray &retryAfter);

// Parses Retry-After: delta-seconds or an HTTP date. -1 when absent or unreadable.
int parseRetryAfterMs(const QByteArray &value);

// The failure in words an operator understands, with the status and the server's own message.
QString describeFailure(const HttpReply &reply, const QString &url);

} // namespace kms
