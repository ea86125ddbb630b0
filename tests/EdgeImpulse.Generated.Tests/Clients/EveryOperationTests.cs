using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using EdgeImpulse.Generated.Tests.Spec;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>
/// Every operation of the spec the client is generated from, one case each, named by its operationId: the generated
/// method, called with a value for every parameter (built from the parameter's schema), sends the spec's method, path,
/// query names and request content type with an Accept that admits the spec's answer, and an answer synthesized from the
/// response schema comes back without loss (re-serialized with the library's settings, compared path by path).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class EveryOperationTests
{
    private const string CallSourceName = "EdgeImpulse.Generated.Tests.EveryOperation";
    private static readonly ActivitySource CallSource = new(CallSourceName);
    private static readonly byte[] BinaryBody = [.. Enumerable.Range(0, 256).Select(i => (byte)i)];
    private const string TextBody = "line 1\nline 2: ü\n";

    private readonly ConcurrentQueue<Activity> _activities = new();
    private LoopbackServer _server = null!;
    private ApiConnection _connection = null!;
    private ActivityListener _listener = null!;
    private Dictionary<Type, object> _clients = null!;

    private static IReadOnlyDictionary<string, SpecOperation> Spec => SpecOperations.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, SpecOperation>> SpecOperations = new(() => SpecOperation.All(CorrectedSpec.Document));

    private static readonly Lazy<SchemaSampler> Sampler = new(() => new SchemaSampler(CorrectedSpec.Document));

    /// <summary>One case per operation in scope (the wire operationIds of openapi.operations.txt; a test checks they are the spec's).</summary>
    public static IEnumerable<TestCaseData> Operations() =>
        ScopeIds().Select(id => new TestCaseData(id).SetName(id));

    [OneTimeSetUp]
    public void StartServer()
    {
        _server = LoopbackServer.Start();
        _connection = new ApiConnection(
            new EdgeImpulseClientOptions { BaseUrl = _server.BaseUrl, ApiKey = LoopbackServer.ApiKey, Timeout = TimeSpan.FromSeconds(10), Retry = new EdgeImpulseRetryOptions { MaxRetries = 0 } },
            httpClient: null);
        _clients = ClientMethods.Types.ToDictionary(
            t => t,
            t => Activator.CreateInstance(t, BindingFlags.Instance | BindingFlags.NonPublic, null, [_connection], CultureInfo.InvariantCulture)!);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is TransportLogging.SourceName or CallSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _listener.Dispose();
        _connection.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public void TheCases_AreExactlyTheOperationsOfTheCorrectedSpec()
    {
        Assert.That(ScopeIds(), Is.EquivalentTo(Spec.Keys));
    }

    [Test]
    public void EverySpecOperation_IsAGeneratedMethod_AndEveryGeneratedMethodIsASpecOperation()
    {
        var mapped = new HashSet<MethodInfo>();
        var missing = new List<string>();
        foreach (var operation in Spec.Values)
        {
            var client = ClientMethods.ClientFor(operation);
            var method = client is null ? null : ClientMethods.MethodFor(client, operation);
            if (method is null)
            {
                missing.Add($"{operation.WireId} (tag '{operation.Tag}', operationId '{operation.OperationId}'): no {(client is null ? "client" : $"method on {client.Name}")}");
            }
            else
            {
                mapped.Add(method);
            }
        }

        var generated = ClientMethods.Types.SelectMany(ClientMethods.GeneratedMethods).ToList();
        var extra = generated.Where(m => !mapped.Contains(m)).Select(m => $"{m.DeclaringType!.Name}.{m.Name}");
        var tables = ClientMethods.Types.SelectMany(t => ClientMethods.Operations(t).Select(o => o.Id)).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing, Is.Empty, "spec operations without a generated method");
            Assert.That(extra, Is.Empty, "generated methods that are no operation of the spec");
            Assert.That(generated, Has.Count.EqualTo(Spec.Count), "one generated method per operation");
            Assert.That(tables, Is.EquivalentTo(Spec.Keys), "the clients' Operations tables list every operation once, by its wire operationId");
        }
    }

    [TestCaseSource(nameof(Operations))]
    public async Task Operation_SendsWhatTheSpecSays_AndReadsItsAnswerWithoutLoss(string wireId)
    {
        var problems = await CheckAsync(Spec[wireId]);

        if (problems.Count > 0)
        {
            Assert.Fail($"{wireId}: {problems.Count} problem(s):\n{string.Join("\n", problems.Select(p => $"  - {p}"))}");
        }
    }

    [Test]
    public async Task Check_SeesASpecThatTheClientDoesNotFollow()
    {
        // The same check against doctored spec operations: a query parameter renamed on the wire or altogether, another path, a 64-bit id the
        // answer sends as a string, a member the DTO does not declare, another answer content type.
        var metadata = Spec["getDspMetadata"];
        var renamed = metadata with
        {
            PathTemplate = metadata.PathTemplate.Replace("/metadata", "/meta", StringComparison.Ordinal),
            Parameters = [.. metadata.Parameters.Select(p => (string?)p["name"] == "excludeIncludedSamples" ? new JObject(p) { ["name"] = "exclude_included_samples" } : p)],
        };
        var unmatched = metadata with { Parameters = [.. metadata.Parameters.Select(p => (string?)p["name"] == "category" ? new JObject(p) { ["name"] = "kategorie" } : p)] };
        var status = Spec["getJobStatus"];
        var stringIds = status with { Definition = Doctor(status.Definition, "responses.200.content['application/json']", """{ "schema": { "type": "object", "properties": { "success": { "type": "boolean" }, "job": { "type": "object", "properties": { "id": { "type": "string" } } } } } }""") };
        var renamedMember = status with { Definition = Doctor(status.Definition, "responses.200.content['application/json']", """{ "schema": { "type": "object", "properties": { "success": { "type": "boolean" }, "job": { "type": "object", "properties": { "jobIdentifier": { "type": "integer" } } } } } }""") };
        var keras = Spec["getKeras"];
        var zipped = keras with { Definition = Doctor(keras.Definition, "responses.200.content", """{ "application/zip": { "schema": { "type": "string", "format": "binary" } } }""") };

        var renamedProblems = await CheckAsync(renamed);
        var unmatchedProblems = await CheckAsync(unmatched);
        var stringIdProblems = await CheckAsync(stringIds);
        var zippedProblems = await CheckAsync(zipped);
        var renamedMemberProblems = await CheckAsync(renamedMember);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(renamedProblems, Has.Some.StartsWith("path /v1/api/").And.Some.EqualTo("query names [category, excludeIncludedSamples], spec [category, exclude_included_samples]"));
            Assert.That(unmatchedProblems, Is.EquivalentTo(new[] { "method parameter 'category' (Nullable`1) is no parameter or body of the spec", "spec parameter 'kategorie' (in query) has no method parameter" }));
            Assert.That(stringIdProblems, Has.Some.Contains("the call threw EdgeImpulseApiException"));
            Assert.That(renamedMemberProblems, Is.EqualTo(new[] { "response untyped $.job: Job keeps [jobIdentifier] only in AdditionalProperties" }));
            Assert.That(zippedProblems, Has.Some.Contains("does not admit the spec's answer application/zip").And.Some.Contains("not JSON (application/zip)"));
        }
    }

    private static JObject Doctor(JObject definition, string path, string replacement)
    {
        var copy = (JObject)definition.DeepClone();
        copy.SelectToken(path)!.Replace(JToken.Parse(replacement));
        return copy;
    }

    private static IReadOnlyList<string> ScopeIds()
    {
        var errors = new List<string>();
        var ids = OperationList.Load(Path.Combine(TestPaths.RepoRoot, "openapi.operations.txt"), errors);
        return errors.Count == 0 ? ids : throw new InvalidOperationException(string.Join("\n", errors));
    }

    private async Task<List<string>> CheckAsync(SpecOperation operation)
    {
        var problems = new List<string>();
        var client = ClientMethods.ClientFor(operation);
        var method = client is null ? null : ClientMethods.MethodFor(client, operation);
        if (client is null || method is null)
        {
            problems.Add($"no generated method for tag '{operation.Tag}', operationId '{operation.OperationId}'");
            return problems;
        }

        var call = Arguments(operation, method, problems);
        if (problems.Count > 0)
        {
            return problems; // a call with missing arguments would only add consequences of these problems
        }

        var answer = Answer(operation, out var answered);
        RecordedRequest? seen = null;
        _server.Responder = request =>
        {
            seen = request;
            return answer;
        };

        object? result = null;
        Activity? parent;
        using (parent = CallSource.StartActivity(operation.WireId))
        {
            try
            {
                var task = (Task)method.Invoke(_clients[client], [.. call.Arguments, CancellationToken.None])!;
                await task.WaitAsync(TimeSpan.FromSeconds(20));
                result = task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            }
            catch (Exception ex)
            {
                var inner = ex is TargetInvocationException { InnerException: { } thrown } ? thrown : ex;
                problems.Add($"the call threw {inner.GetType().Name}: {inner.Message}");
            }
        }

        try
        {
            if (seen is null)
            {
                problems.Add("nothing was sent");
            }
            else
            {
                CheckRequest(operation, call, seen, problems);
            }

            CheckTrace(operation, client, parent, problems);
            if (result is not null || method.ReturnType == typeof(Task))
            {
                await CheckResultAsync(operation, answered, result, problems);
            }
        }
        finally
        {
            (result as IDisposable)?.Dispose();
        }

        return problems;
    }

    // A value for every method parameter from the parameter's (or the body's) schema, converted with the library's serializer.
    private static Call Arguments(SpecOperation operation, MethodInfo method, List<string> problems)
    {
        var parameters = method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)).ToList();
        var values = new object?[parameters.Count];
        var path = new Dictionary<string, JToken>(StringComparer.Ordinal);
        var query = new Dictionary<string, JToken>(StringComparer.Ordinal);
        JToken? jsonBody = null;
        var matched = new HashSet<JObject>();
        var body = RequestContent(operation);
        var formFields = body is { MediaType: "multipart/form-data" } ? (Sampler.Value.Resolve(body.Value.Schema)?["properties"] as JObject)?.Properties().ToList() ?? [] : [];
        var matchedFields = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var spec = operation.Parameters.FirstOrDefault(p => Words((string)p["name"]!) == Words(parameter.Name!));
            JToken? value;
            if (spec is not null)
            {
                matched.Add(spec);
                value = Sampler.Value.SampleParameter(spec["schema"], (string)spec["name"]!, i);
                var location = (string)spec["in"]!;
                (location == "path" ? path : query)[(string)spec["name"]!] = value ?? JValue.CreateNull();
            }
            else if (body is { MediaType: "application/json" } json && jsonBody is null)
            {
                value = jsonBody = Sampler.Value.Sample(json.Schema, parameter.Name!);
            }
            else if (body is { MediaType: "multipart/form-data" } && formFields.FirstOrDefault(f => Words(f.Name) == Words(parameter.Name!)) is { } field)
            {
                matchedFields.Add(field.Name);
                if (FileArgument(parameter.ParameterType) is { } file)
                {
                    values[i] = file;
                    continue;
                }

                value = Sampler.Value.Sample(field.Value, field.Name);
            }
            else
            {
                problems.Add($"method parameter '{parameter.Name}' ({parameter.ParameterType.Name}) is no parameter or body of the spec");
                continue;
            }

            if (value is null)
            {
                problems.Add($"no value could be built for '{parameter.Name}'");
                continue;
            }

            try
            {
                values[i] = value.ToObject(parameter.ParameterType, ApiConnection.Serializer);
            }
            catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or ArgumentException or InvalidCastException or FormatException)
            {
                problems.Add($"parameter '{parameter.Name}' ({parameter.ParameterType.Name}) does not take its schema's value {value.ToString(Newtonsoft.Json.Formatting.None)}: {ex.Message}");
            }
        }

        problems.AddRange(operation.Parameters.Where(p => !matched.Contains(p)).Select(p => $"spec parameter '{p["name"]}' (in {p["in"]}) has no method parameter"));
        if (body is { MediaType: "application/json" } && jsonBody is null)
        {
            problems.Add("the JSON request body has no method parameter");
        }

        problems.AddRange(formFields.Where(f => !matchedFields.Contains(f.Name)).Select(f => $"form field '{f.Name}' has no method parameter"));

        return new Call(values, path, query, jsonBody);
    }

    // A file argument (a type made from a Stream, or a list of those) holding the test's bytes; null for any other type.
    private static object? FileArgument(Type type)
    {
        if (type == typeof(Stream))
        {
            return new MemoryStream(BinaryBody);
        }

        var constructor = type.GetConstructors().FirstOrDefault(c => c.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(Stream)
            && c.GetParameters().Skip(1).All(p => p.ParameterType == typeof(string)));
        if (constructor is not null)
        {
            return constructor.Invoke([new MemoryStream(BinaryBody), .. constructor.GetParameters().Skip(1).Select((p, i) => i == 0 ? "file.bin" : (object)"application/octet-stream")]);
        }

        var element = type.IsArray ? type.GetElementType() : type.IsGenericType && type.GetGenericArguments() is [var only] ? only : null;
        if (element is null || FileArgument(element) is not { } item)
        {
            return null;
        }

        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        list.Add(item);
        if (type.IsArray)
        {
            var array = Array.CreateInstance(element, 1);
            list.CopyTo(array, 0);
            return array;
        }

        return type.IsAssignableFrom(list.GetType()) ? list : null;
    }

    // The first 200 (or other 2xx) answer the spec declares, synthesized: JSON from the schema, bytes, or text.
    private static CannedResponse Answer(SpecOperation operation, out Answered answered)
    {
        var content = Responses(operation).FirstOrDefault();
        switch (content.MediaType)
        {
            case null:
                answered = new Answered(null, null);
                return new CannedResponse(200, [], null);
            case var json when IsJson(json):
                var sample = Sampler.Value.Sample(content.Schema, "response") ?? new JObject();
                answered = new Answered(json, sample);
                return new CannedResponse(200, Encoding.UTF8.GetBytes(sample.ToString(Newtonsoft.Json.Formatting.None)), json);
            case var text when text.StartsWith("text/", StringComparison.Ordinal):
                answered = new Answered(text, null);
                return CannedResponse.Text(TextBody, text + "; charset=utf-8");
            case var binary:
                answered = new Answered(binary, null);
                return CannedResponse.Binary(BinaryBody, binary);
        }
    }

    private static void CheckRequest(SpecOperation operation, Call call, RecordedRequest request, List<string> problems)
    {
        if (request.Method != operation.Method)
        {
            problems.Add($"method {request.Method}, spec {operation.Method}");
        }

        var expectedPath = "/v1/" + Regex.Replace(operation.PathTemplate.TrimStart('/'), "{([^}]+)}", m =>
            call.Path.TryGetValue(m.Groups[1].Value, out var value) ? Uri.EscapeDataString(Text(value)) : m.Value);
        if (request.Path != expectedPath)
        {
            problems.Add($"path {request.Path}, spec {expectedPath}");
        }

        var sent = request.Query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Uri.UnescapeDataString(pair[0]), Value: pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : string.Empty))
            .ToList();
        var sentNames = sent.Select(q => q.Name).Distinct().Order(StringComparer.Ordinal).ToList();
        var specNames = operation.ParametersIn("query").Select(p => (string)p["name"]!).Order(StringComparer.Ordinal).ToList();
        if (!sentNames.SequenceEqual(specNames))
        {
            problems.Add($"query names [{string.Join(", ", sentNames)}], spec [{string.Join(", ", specNames)}]");
        }

        foreach (var (name, value) in call.Query)
        {
            var expected = value is JArray items ? items.Select(Text).ToList() : [Text(value)];
            var actual = sent.Where(q => q.Name == name).Select(q => q.Value).ToList();
            if (actual.Count > 0 && !expected.SequenceEqual(actual, StringComparer.Ordinal) && !expected.Zip(actual).All(p => JsonLoss.SameText(p.First, p.Second)))
            {
                problems.Add($"query {name}={string.Join("&", actual)}, expected {string.Join("&", expected)}");
            }
        }

        if (request.Header("x-api-key") != LoopbackServer.ApiKey)
        {
            problems.Add("no API key header");
        }

        CheckRequestContent(operation, call, request, problems);

        var accepted = (request.Header("Accept") ?? string.Empty).Split(',').Select(r => r.Split(';')[0].Trim()).Where(r => r.Length > 0).ToList();
        foreach (var (mediaType, _) in Responses(operation))
        {
            if (mediaType is not null && !accepted.Any(range => range == "*/*" || range == mediaType || (range.EndsWith("/*", StringComparison.Ordinal) && mediaType.StartsWith(range[..^1], StringComparison.Ordinal))))
            {
                problems.Add($"Accept '{request.Header("Accept")}' does not admit the spec's answer {mediaType}");
            }
        }
    }

    private static void CheckRequestContent(SpecOperation operation, Call call, RecordedRequest request, List<string> problems)
    {
        var contentType = request.Header("Content-Type")?.Split(';')[0].Trim();
        var body = RequestContent(operation);
        if (body is not { } declared)
        {
            if (request.Body.Length > 0 || contentType is not null)
            {
                problems.Add($"a body ({contentType ?? "no Content-Type"}, {request.Body.Length} chars) where the spec declares none");
            }

            return;
        }

        if (contentType != declared.MediaType)
        {
            problems.Add($"request Content-Type '{contentType ?? "(none)"}', spec {declared.MediaType}");
        }

        if (declared.MediaType == "application/json" && call.JsonBody is not null)
        {
            JToken? sentJson = null;
            try
            {
                sentJson = JsonLoss.Parse(request.Body);
            }
            catch (Newtonsoft.Json.JsonReaderException ex)
            {
                problems.Add($"the request body is not JSON: {ex.Message}");
            }

            if (sentJson is not null)
            {
                problems.AddRange(JsonLoss.Compare(call.JsonBody, sentJson).Select(d => $"request body {d}"));
            }
        }
        else if (declared.MediaType == "multipart/form-data")
        {
            var fields = (Sampler.Value.Resolve(declared.Schema)?["properties"] as JObject)?.Properties().Select(p => p.Name).Order(StringComparer.Ordinal).ToList() ?? [];
            var parts = Regex.Matches(request.Body, "Content-Disposition: form-data; name=\"?([^\";\r\n]+)\"?", RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
            if (!parts.SequenceEqual(fields))
            {
                problems.Add($"form parts [{string.Join(", ", parts)}], spec fields [{string.Join(", ", fields)}]");
            }
        }
    }

    // The call went through the operation's own entry of its client's Operations table (the retry policy, logs and traces read it).
    private void CheckTrace(SpecOperation operation, Type client, Activity? parent, List<string> problems)
    {
        var traced = _activities.Where(a => parent is not null && a.ParentSpanId == parent.SpanId && a.Source.Name == TransportLogging.SourceName).ToList();
        _activities.Clear();
        var ids = traced.Select(a => a.GetTagItem("edgeimpulse.operation_id") as string).Distinct().ToList();
        if (ids.Count != 1 || ids[0] != operation.WireId)
        {
            problems.Add($"the call was traced as [{string.Join(", ", ids)}], not as the wire operationId {operation.WireId}");
        }

        var entry = ClientMethods.Operations(client).FirstOrDefault(o => o.Id == operation.WireId);
        if (entry is null || entry.Method != operation.Method || "/" + entry.PathTemplate.TrimStart('/') != operation.PathTemplate)
        {
            problems.Add($"{client.Name}.Operations has {(entry is null ? "no entry" : $"{entry.Method} {entry.PathTemplate}")} for {operation.WireId}");
        }
        else if (!ReferenceEquals(ApiOperation.Find(operation.WireId), entry) && ApiOperation.Find(operation.WireId) != entry)
        {
            problems.Add($"ApiOperation.Find({operation.WireId}) does not find {client.Name}'s entry (ApiOperation.All does not join {client.Name}.Operations)");
        }
    }

    private static async Task CheckResultAsync(SpecOperation operation, Answered answered, object? result, List<string> problems)
    {
        switch (result)
        {
            case null when answered.MediaType is null:
                return;
            case null:
                problems.Add($"the method returns nothing, the spec answers {answered.MediaType}");
                return;
            case FileResponse file:
                using (var copy = new MemoryStream())
                {
                    await file.Stream.CopyToAsync(copy);
                    if (!copy.ToArray().AsSpan().SequenceEqual(BinaryBody) || file.ContentType != answered.MediaType)
                    {
                        problems.Add($"the file came back as {copy.Length} bytes of {file.ContentType}, sent {BinaryBody.Length} bytes of {answered.MediaType}");
                    }
                }

                return;
            case string text:
                if (text != TextBody)
                {
                    problems.Add($"the text came back as {text.Length} chars, sent {TextBody.Length}");
                }

                return;
            default:
                if (answered.Json is null)
                {
                    problems.Add($"the method returns {result.GetType().Name}, the spec answers {answered.MediaType}");
                    return;
                }

                var read = JsonLoss.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(result, ApiConnection.SerializerSettings));
                problems.AddRange(JsonLoss.Compare(answered.Json, read).Select(d => $"response {d} ({result.GetType().Name})"));
                problems.AddRange(Untyped(result, "$").Select(u => $"response {u}"));
                return;
        }
    }

    // Every synthesized member is one the schema declares (but a free-form map's one entry), so one that lands in a DTO's
    // AdditionalProperties (an empty class made of a union, a property under another name) is kept but not typed: a loss
    // for the caller.
    private static IEnumerable<string> Untyped(object? value, string path)
    {
        switch (value)
        {
            case null or string or JToken:
                yield break;
            case System.Collections.IDictionary dictionary:
                foreach (System.Collections.DictionaryEntry entry in dictionary)
                {
                    foreach (var inner in Untyped(entry.Value, $"{path}.{entry.Key}"))
                    {
                        yield return inner;
                    }
                }

                yield break;
            case System.Collections.IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    foreach (var inner in Untyped(item, $"{path}[{index++}]"))
                    {
                        yield return inner;
                    }
                }

                yield break;
        }

        var type = value.GetType();
        if (type.Assembly != typeof(ApiConnection).Assembly || type.IsValueType)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var member = property.GetValue(value);
            if (property.Name == "AdditionalProperties" && member is System.Collections.IDictionary extra
                && extra.Keys.Cast<object>().Where(k => !Equals(k, SchemaSampler.AdditionalKey)).ToList() is { Count: > 0 } untyped)
            {
                yield return $"untyped {path}: {type.Name} keeps [{string.Join(", ", untyped)}] only in AdditionalProperties";
            }
            else if (property.Name != "AdditionalProperties")
            {
                var name = property.GetCustomAttribute<Newtonsoft.Json.JsonPropertyAttribute>()?.PropertyName ?? property.Name;
                foreach (var inner in Untyped(member, $"{path}.{name}"))
                {
                    yield return inner;
                }
            }
        }
    }

    private static (string MediaType, JToken? Schema)? RequestContent(SpecOperation operation)
    {
        var content = Sampler.Value.Resolve(operation.Definition["requestBody"])?["content"] as JObject;
        var first = content?.Properties().FirstOrDefault();
        return first is null ? null : (first.Name, first.Value["schema"]);
    }

    private static IEnumerable<(string? MediaType, JToken? Schema)> Responses(SpecOperation operation)
    {
        var responses = (JObject)operation.Definition["responses"]!;
        var success = responses.Properties().FirstOrDefault(r => r.Name == "200") ?? responses.Properties().FirstOrDefault(r => r.Name.StartsWith('2'));
        var content = Sampler.Value.Resolve(success?.Value)?["content"] as JObject;
        return content is null || !content.HasValues ? [(null, null)] : content.Properties().Select(p => ((string?)p.Name, p.Value["schema"]));
    }

    private static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

    private static string Text(JToken value) => value switch
    {
        JValue { Type: JTokenType.Boolean } flag => (bool)flag ? "true" : "false",
        JValue { Value: IFormattable formattable } => formattable.ToString(null, CultureInfo.InvariantCulture),
        JValue plain => plain.Value?.ToString() ?? string.Empty,
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static string Words(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    private sealed record Call(object?[] Arguments, IReadOnlyDictionary<string, JToken> Path, IReadOnlyDictionary<string, JToken> Query, JToken? JsonBody);

    private sealed record Answered(string? MediaType, JToken? Json);
}
