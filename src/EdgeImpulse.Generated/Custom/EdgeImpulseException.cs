// CUSTOM: the one base of everything the library throws about the service (API errors, failed and timed-out jobs,
// unreadable .npy bodies), so a caller can catch the family in one clause, as Azure.Core's RequestFailedException.
using System;

namespace EdgeImpulse.Generated;

/// <summary>
/// The base of every exception the library throws about the Edge Impulse service: <see cref="EdgeImpulseApiException"/>
/// (a call failed), <see cref="EdgeImpulseJobFailedException"/> (a job finished without success),
/// <see cref="EdgeImpulseJobTimeoutException"/> (a job wait ran out) and <see cref="Npy.NpyFormatException"/> (a body
/// is not a readable <c>.npy</c> array).
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
