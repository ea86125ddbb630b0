// CUSTOM: a request body that is one file as it is (requestBody content application/octet-stream, image/*, ...; not a
// form): the caller's stream, sent with the operation's declared media type unless the file names its own.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;

namespace EdgeImpulse.Generated;

internal sealed class BinaryRequestBody : StreamedRequestBody
{
    private readonly FileParameter _file;
    private readonly string _contentType;

    public BinaryRequestBody(object? body, string contentType, string parameterName)
    {
        _file = body switch
        {
            FileParameter file => file,
            Stream stream => new FileParameter(stream),
            null => throw new ArgumentNullException(parameterName),
            _ => throw new ArgumentException($"A {contentType} body must be a Stream or a FileParameter, not {body.GetType().Name}.", parameterName),
        };
        _contentType = contentType;
    }

    /// <inheritdoc />
    protected override IEnumerable<FileParameter> Files => [_file];

    /// <inheritdoc />
    protected override HttpContent CreateContent() => FileContent(_file, _contentType);
}
