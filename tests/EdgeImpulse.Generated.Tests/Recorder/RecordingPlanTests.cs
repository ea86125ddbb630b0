using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeImpulse.Generated.Recorder;
using EdgeImpulse.Generated.SpecTool;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Recorder;

[TestFixture]
public sealed class RecordingPlanTests
{
    private static readonly SpecCatalog Catalog = SpecCatalog.Load(TestPaths.Spec, TestPaths.Corrections);

    private static readonly RecorderSettings AllIds = Settings(jobId: 1847312964, sampleId: 748301546, profileJobId: 1847330187);

    [Test]
    public void RecordedAndNotRecorded_AreSpecOperations_NeverBoth()
    {
        var recorded = RecordingPlan.Recorded.Select(e => e.OperationId).ToList();
        var notRecorded = RecordingPlan.NotRecorded.Keys.ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(recorded, Is.Unique);
            Assert.That(recorded.Intersect(notRecorded), Is.Empty);
            Assert.That(recorded.Concat(notRecorded), Is.SubsetOf(Catalog.Operations.Select(o => o.OperationId)), "a table naming an operation the spec lacks is stale");
        }
    }

    [Test]
    public void OnlyGets_AreRecorded_AndEveryOtherMethodIsSkippedSayingWhy()
    {
        var reasons = RecordingPlan.Build(Catalog, AllIds).Skipped.ToDictionary(s => s.OperationId, s => s.Reason);
        var mutating = Catalog.Operations.Where(o => o.Method != "GET").ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(RecordingPlan.Recorded.Select(e => Catalog.Get(e.OperationId).Method), Is.All.EqualTo("GET"));
            Assert.That(mutating, Has.Count.GreaterThan(200), "the full spec's POST/PUT/DELETE operations");
            foreach (var operation in mutating)
            {
                Assert.That(reasons.GetValueOrDefault(operation.OperationId), Does.StartWith(operation.Method + ":"), operation.OperationId);
            }

            Assert.That(reasons["buildOnDeviceModelJob"], Is.EqualTo("POST: may change the project, and only GET operations are recorded"));
            Assert.That(reasons["trainKerasJob"], Is.EqualTo("POST: starts a training job; its fixtures stay authored"));
        }
    }

    [Test]
    public void EveryRecordedOperation_WritesTheFileTheAuthoredFixtureHas()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var entry in RecordingPlan.Recorded)
            {
                var path = RecordingPlan.FixturePath(Catalog.Get(entry.OperationId));
                Assert.That(File.Exists(Path.Combine(TestPaths.Fixtures, path)), Is.True, $"{entry.OperationId} would write {path}, which is not an authored fixture");
            }
        }
    }

    [Test]
    public void Build_WithEveryId_PlansTheTableInOrder_WithUrlsFromTheSpec()
    {
        var plan = RecordingPlan.Build(Catalog, AllIds);
        var urls = plan.Calls.ToDictionary(c => c.Operation.OperationId, c => c.RelativeUrl);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Calls.Select(c => c.Operation.OperationId), Is.EqualTo(RecordingPlan.Recorded.Select(e => e.OperationId)));
            Assert.That(urls["getKerasMetadata"], Is.EqualTo("/api/52187/training/keras/4/metadata"));
            Assert.That(urls["dspSampleTrainedFeatures"], Is.EqualTo("/api/52187/dsp/3/features/get-graph/training?featureAx1=0&featureAx2=6&featureAx3=12"));
            Assert.That(urls["getJobStatus"], Is.EqualTo("/api/52187/jobs/1847312964/status"));
            Assert.That(urls["getProfileTfliteJobResult"], Is.EqualTo("/api/52187/jobs/profile-tflite/1847330187/result"));
            Assert.That(plan.Skipped.Select(s => s.OperationId), Is.EquivalentTo(Catalog.Operations.Select(o => o.OperationId).Except(urls.Keys)), "every other operation of the spec is listed as skipped");
        }
    }

    [Test]
    public void Build_WithoutTheOptionalIds_SkipsWhatNeedsThem_NamingTheVariable()
    {
        var plan = RecordingPlan.Build(Catalog, Settings());
        var reasons = plan.Skipped.ToDictionary(s => s.OperationId, s => s.Reason);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Calls.Select(c => c.Operation.OperationId), Does.Contain("getKeras").And.Not.Contain("getDspRawSample").And.Not.Contain("getJobStatus"));
            Assert.That(reasons["getDspRawSample"], Is.EqualTo("needs EI_SAMPLE_ID (or --sample-id)"));
            Assert.That(reasons["downloadJobsLogs"], Is.EqualTo("needs EI_JOB_ID (or --job-id)"));
            Assert.That(reasons["getProfileTfliteJobResult"], Is.EqualTo("needs EI_PROFILE_JOB_ID (or --profile-job-id)"));
        }
    }

    [Test]
    public void Build_RefusesAMutatingOperationInTheTable()
    {
        var ex = Assert.Throws<SpecToolException>(() => RecordingPlan.Build(Catalog, AllIds, [new RecordingEntry("setKeras")]));

        Assert.That(ex!.Message, Does.Contain("refusing to record setKeras: it is a POST"));
    }

    [Test]
    public void Build_RejectsAValueForAParameterTheSpecDoesNotDeclare()
    {
        var entry = new RecordingEntry("getKeras", RecordingInput.None, new Dictionary<string, string> { ["excludeLabels"] = "true" });

        var ex = Assert.Throws<SpecToolException>(() => RecordingPlan.Build(Catalog, AllIds, [entry]));

        Assert.That(ex!.Message, Does.Contain("getKeras: the recorder passes excludeLabels, which the spec does not declare"));
    }

    [Test]
    public void Build_RejectsAMissingRequiredQueryParameter()
    {
        var ex = Assert.Throws<SpecToolException>(() => RecordingPlan.Build(Catalog, AllIds, [new RecordingEntry("getDspSampleSlice", RecordingInput.Sample)]));

        Assert.That(ex!.Message, Does.Contain("required query parameter 'sliceStart'"));
    }

    [Test]
    public void Build_ReportsASpecOperationMissingFromBothTables()
    {
        var catalog = SpecCatalog.FromDocument(JObject.Parse("""
            { "paths": { "/api/{projectId}/new": { "get": { "operationId": "getSomethingNew", "tags": ["Dsp"],
              "parameters": [ { "name": "projectId", "in": "path", "required": true } ],
              "responses": { "200": { "content": { "application/json": {} } } } } } } }
            """));

        var plan = RecordingPlan.Build(catalog, AllIds, []);

        Assert.That(plan.Skipped.Single(), Is.EqualTo(new SkippedOperation("getSomethingNew", "not in the recorder's table yet (add it to RecordingPlan.Recorded or NotRecorded)")));
    }

    private static RecorderSettings Settings(long? jobId = null, long? sampleId = null, long? profileJobId = null) =>
        new(new Uri("http://127.0.0.1/v1"), "out", new RecorderCredential("x-api-key", "k", "EI_API_KEY"), 52187, 3, 4, jobId, sampleId, profileJobId);
}
