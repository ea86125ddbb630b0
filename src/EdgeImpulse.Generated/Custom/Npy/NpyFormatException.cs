// CUSTOM: the one exception the .npy reader throws for input it cannot turn into an array (downloadDspData/Labels).
using System;

namespace EdgeImpulse.Generated.Npy;

/// <summary>
/// The bytes are not a NumPy <c>.npy</c> array this library can read: not NumPy at all (for example a JSON or HTML
/// body), an unsupported format version, a malformed header, an unsupported dtype, Fortran order, truncated data,
/// or data of another element type than the one asked for. The message names the problem.
/// </summary>
/// <remarks>Part of the <see cref="EdgeImpulseException"/> family (it is not a <see cref="FormatException"/>).</remarks>
public class NpyFormatException : EdgeImpulseException
{
    /// <summary>Initializes a new instance of the <see cref="NpyFormatException"/> class.</summary>
    /// <param name="message">What is wrong with the input.</param>
    public NpyFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NpyFormatException"/> class.</summary>
    /// <param name="message">What is wrong with the input.</param>
    /// <param name="innerException">The cause.</param>
    public NpyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
