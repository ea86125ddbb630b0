// CUSTOM: the retry settings of EdgeImpulseClientOptions.Retry (Azure.Core's defaults: 3 retries, exponential from
// 0.8 s with jitter). What is retried, and what never is, is decided by Custom/Transport/RetryPolicy.cs.
using System;
using System.Globalization;

namespace EdgeImpulse.Generated;

/// <summary>
/// How failed calls are retried: HTTP 408, 429, 500, 502, 503, 504, a dropped connection, a timed-out attempt, or a
/// 2xx answer whose body is not the expected JSON — for operations that are safe to repeat (reads and pure
/// computations). Operations that start a job or change state are retried only when the request provably never left
/// the client (the connection could not be made). The caller's cancellation is never retried.
/// </summary>
public sealed class EdgeImpulseRetryOptions
{
    /// <summary>The most retries accepted (each one waits and repeats the whole call).</summary>
    public const int MaxRetriesLimit = 10;

    /// <summary>The longest <see cref="MaxDelay"/> accepted.</summary>
    public static readonly TimeSpan MaxDelayLimit = TimeSpan.FromMinutes(10);

    /// <summary>Gets or sets how many times a failed call is retried (0 turns retries off). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the first wait; each further wait doubles it (with ±20% jitter). Default 0.8 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>
    /// Gets or sets the longest wait between two attempts. A server asking (<c>Retry-After</c>) for a longer wait is not
    /// retried: the failure is thrown with <see cref="EdgeImpulseApiException.RetryAfter"/> set. Default 1 minute.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"MaxRetries={MaxRetries}, BaseDelay={BaseDelay}, MaxDelay={MaxDelay}");

    internal EdgeImpulseRetryOptions Validated()
    {
        if (MaxRetries is < 0 or > MaxRetriesLimit)
        {
            throw new ArgumentOutOfRangeException("Retry.MaxRetries", MaxRetries, $"Retry.MaxRetries must be from 0 to {MaxRetriesLimit}.");
        }

        if (MaxDelay <= TimeSpan.Zero || MaxDelay > MaxDelayLimit)
        {
            throw new ArgumentOutOfRangeException("Retry.MaxDelay", MaxDelay, $"Retry.MaxDelay must be positive and at most {MaxDelayLimit}.");
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > MaxDelay)
        {
            throw new ArgumentOutOfRangeException("Retry.BaseDelay", BaseDelay, "Retry.BaseDelay must be from zero to Retry.MaxDelay.");
        }

        return new EdgeImpulseRetryOptions { MaxRetries = MaxRetries, BaseDelay = BaseDelay, MaxDelay = MaxDelay };
    }
}
