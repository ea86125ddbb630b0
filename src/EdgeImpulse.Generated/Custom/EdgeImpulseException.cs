// CUSTOM: the one base of everything the library throws about the service (API errors, failed and timed-out jobs,
// unreadable .npy bodies), so a caller can catch the family in one clause, as Azure.Core's RequestFailedException.
using System;

namespace EdgeImpulse.Generated;

/// <summary>
/// The base of every exception the library throws about the service: <see cref="EdgeImpulseApiException"/> (a call
/// failed) and every failure the client adds on top of calls (such as a job that finished without success, a job wait
/// that ran out, or a download that is not a readable <c>.npy</c> array).
/// </summary>
/// <remarks>
/// Anything else that leaves the library is <see cref="OperationCanceledException"/> for the caller's own token or an
/// <see cref="ArgumentException"/> for invalid caller input.
/// </remarks>
public abstract class EdgeImpulseException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    protected EdgeImpulseException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, or null.</param>
    protected EdgeImpulseException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
