using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>
/// Answers whose schema is a union in the spec (typed by the SpecTool's union rules), read through the client from a
/// loopback server: anyOf without a discriminator (one merged type), discriminated oneOf (a subclass per variant).
/// </summary>
[TestFixture]
public sealed class UnionResponseTests
{
    private const int ProjectId = 52187;

    /// <summary>One answer: the fixture served, the call, what must hold, and whether writing it back gives the same JSON.</summary>
    public sealed record Case(string Fixture, Func<EdgeImpulseClient, Task<object>> Call, Action<object> Check, bool RoundTrips = true)
    {
        public override string ToString() => Fixture;
    }

    private static IEnumerable<Case> Cases()
    {
        Task<object> BatchDelete(EdgeImpulseClient c) => c.RawData.BatchDeleteAsync(ProjectId, RawDataFilterCategory.Training).ContinueWith(t => (object)t.Result, TaskScheduler.Default);
        Task<object> ClassifyV2(EdgeImpulseClient c) => c.Classify.SampleV2Async(ProjectId, 748301560).ContinueWith(t => (object)t.Result, TaskScheduler.Default);
        Task<object> Pretrained(EdgeImpulseClient c) => c.Learn.GetPretrainedModelInfoAsync(ProjectId).ContinueWith(t => (object)t.Result, TaskScheduler.Default);

        yield return new("Unions/batchDelete.done.json", BatchDelete, result =>
        {
            var answer = (BatchDeleteResponse)result;
            Assert.That((answer.Success, answer.Id), Is.EqualTo((true, (long?)null)), "done at once: no job");
        });
        yield return new("Unions/batchDelete.job-started.json", BatchDelete, result =>
            Assert.That(((BatchDeleteResponse)result).Id, Is.EqualTo(12873488112L), "a job was started: its 64-bit id"));
        yield return new("Unions/classifySampleV2.job-started.json", ClassifyV2, result =>
        {
            var answer = (ClassifySampleV2Response)result;
            Assert.That((answer.Id, answer.Classifications.Count, answer.Sample), Is.EqualTo((12873488113L, 0, (RawSampleData?)null)));
        });
        yield return new("Unions/classifySampleV2.classified.json", ClassifyV2, result =>
        {
            var answer = (ClassifySampleV2Response)result;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(answer.Id, Is.Null, "classified at once: no job");
                Assert.That(answer.Classifications.Single().Result.Single()["wave"], Is.EqualTo(0.9998));
                Assert.That(answer.Classifications.Single().Thresholds.Single().Value?.AsNumber(), Is.EqualTo(0.6));
                Assert.That(answer.Sample?.Sample?.Id, Is.EqualTo(748301560L));
                Assert.That(answer.Sample?.Payload?.Values[1][0], Is.EqualTo(0.34));
                Assert.That((answer.WindowSizeMs, answer.WindowIncreaseMs, answer.AlreadyInDatabase), Is.EqualTo((2000, 80, true)));
            }
        }, RoundTrips: false); // dates are re-written in .NET's ISO form
        yield return new("Unions/getPretrainedModelInfo.time-series-classification.json", Pretrained, result =>
        {
            var info = ((GetPretrainedModelResponse)result).ModelInfo!;
            var input = info.Input as DeployPretrainedModelInputTimeSeries;
            var model = info.Model as DeployPretrainedModelModelClassification;
            Assert.That((input?.FrequencyHz, input?.WindowLengthMs), Is.EqualTo((62.5, 2000)));
            Assert.That(model?.Labels, Is.EqualTo(new[] { "idle", "wave" }));
        });
        yield return new("Unions/getPretrainedModelInfo.unknown-variants.json", Pretrained, result =>
        {
            var info = ((GetPretrainedModelResponse)result).ModelInfo!;
            Assert.That(info.Input!.GetType(), Is.EqualTo(typeof(DeployPretrainedModelInput)), "a variant this client does not know reads as the base");
            Assert.That(info.Input.AdditionalProperties.Keys, Is.EquivalentTo(new[] { "inputType", "points" }));
            Assert.That(info.Model!.GetType(), Is.EqualTo(typeof(DeployPretrainedModelModel)));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public async Task UnionAnswer_ReadsAsItsType_WithoutLoss(Case answer)
    {
        var (result, _) = await WireAssert.SendAsync(answer.Fixture, answer.Call);

        // Written back before the checks: reading an optional list (Classifications) marks it for sending.
        if (answer.RoundTrips)
        {
            var written = JObject.Parse(JsonConvert.SerializeObject(result, ApiConnection.SerializerSettings));
            Assert.That(JToken.DeepEquals(written, JObject.Parse(TestPaths.ReadFixture(answer.Fixture))), Is.True, written.ToString());
        }

        answer.Check(result);
    }
}
