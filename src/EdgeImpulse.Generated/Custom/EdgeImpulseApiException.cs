// CUSTOM: the one exception type every operation throws for a failed call (Azure SDK's RequestFailedException style);
// public constructors so a test double (a mocked IJobsClient, a fake handler) can throw exactly what the library throws.
using System;

namespace EdgeImpulse.Generated;

/// <summary>
/// A call to the Edge Impulse Studio API failed: a non-success HTTP status, a <c>success: false</c> body
/// (which the Studio also sends with HTTP 200), a body that is not what the operation returns, or no response at all.
/// </summary>
/// <example>
/// A test double that fails like a rate-limited Studio:
/// <code>
/// throw new EdgeImpulseApiException(429, "getJobStatus failed (HTTP 429): Too many requests", operationId: "getJobStatus", retryAfter: TimeSpan.FromSeconds(2));
/// </code>
/// </example>
public partial class EdgeImpulseApiException : EdgeImpulseException
{
    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    public EdgeImpulseApiException(string message)
        : base(message)
    {
        OperationId = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EdgeImpulseApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        OperationId = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseApiException"/> class for an HTTP status.</summary>
    /// <param name="status">The HTTP status code, or 0 when no response was received.</param>
    /// <param name="message">The message.</param>
    public EdgeImpulseApiException(int status, string message)
        : base(message)
    {
        OperationId = string.Empty;
        Status = status;
    }

    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseApiException"/> class with every detail.</summary>
    /// <param name="status">The HTTP status code, or 0 when no response was received.</param>
    /// <param name="message">The message.</param>
    /// <param name="operationId">The operationId of the call that failed, e.g. <c>getKeras</c>.</param>
    /// <param name="errorText">The Studio's <c>error</c> text, when the body carried one.</param>
    /// <param name="contentType">The response's content type.</param>
    /// <param name="bodyExcerpt">The start of the response body (never a credential).</param>
    /// <param name="retryAfter">How long the server asked the client to wait before trying again.</param>
    /// <param name="innerException">The cause, or null.</param>
    public EdgeImpulseApiException(int status, string message, string? operationId = null, string? errorText = null, string? contentType = null, string? bodyExcerpt = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : this(message, operationId ?? string.Empty, status, errorText, contentType, bodyExcerpt, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseApiException"/> class (the form the library's transport uses).</summary>
    /// <param name="message">The message.</param>
    /// <param name="operationId">The operationId of the call that failed.</param>
    /// <param name="status">The HTTP status code, or 0 when no response was received.</param>
    /// <param name="errorText">The Studio's <c>error</c> text, when the body carried one.</param>
    /// <param name="contentType">The response's content type.</param>
    /// <param name="bodyExcerpt">The start of the response body (never a credential).</param>
    /// <param name="innerException">The cause, or null.</param>
    public EdgeImpulseApiException(string message, string operationId, int status, string? errorText, string? contentType, string? bodyExcerpt, Exception? innerException = null)
        : base(message, innerException)
    {
        OperationId = operationId ?? string.Empty;
        Status = status;
        ErrorText = errorText;
        ContentType = contentType;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>Gets the operationId of the call that failed, e.g. <c>getKeras</c>.</summary>
    public string OperationId { get; }

    /// <summary>
    /// Gets the HTTP status code, or 0 when no usable response was received: no connection, a timeout, or a body that
    /// stalled or broke off (<see cref="Exception.InnerException"/> then holds the transport's exception).
    /// </summary>
    public int Status { get; }

    /// <summary>Gets the Studio's <c>error</c> text, when the body carried one.</summary>
    public string? ErrorText { get; }

    /// <summary>Gets the response's content type, when there was a response.</summary>
    public string? ContentType { get; }

    /// <summary>Gets the start of the response body (with any configured credential redacted), for diagnostics.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>
    /// Gets how long the server asked the client to wait before trying again (its <c>Retry-After</c> header, usually
    /// sent with HTTP 429 or 503), or null when it sent none. A date in the past reads as <see cref="TimeSpan.Zero"/>.
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Gets a value indicating whether the call may have taken effect although it failed: an operation that is not safe
    /// to repeat (it starts a job or changes state) lost its answer after the request may have reached the server.
    /// Check the server's state (e.g. the project's running jobs) before repeating it.
    /// </summary>
    public bool MayHaveTakenEffect { get; init; }

    /// <summary>The same failure told with another message (the original becomes the inner exception); every property is kept.</summary>
    internal EdgeImpulseApiException Retold(string message, bool mayHaveTakenEffect = false)
    {
        var retold = new EdgeImpulseApiException(message, OperationId, Status, ErrorText, ContentType, BodyExcerpt, this)
        {
            RetryAfter = RetryAfter,
            MayHaveTakenEffect = MayHaveTakenEffect || mayHaveTakenEffect,
        };
        KeepServiceDetails(retold);
        return retold;
    }

    /// <summary>Copies what a client adds to the exception (Edge Impulse: the completed job) onto its retold copy.</summary>
    partial void KeepServiceDetails(EdgeImpulseApiException retold);
}
