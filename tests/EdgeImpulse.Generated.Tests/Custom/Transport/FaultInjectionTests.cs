using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>
/// Each fault kind × safe and unsafe operations, against a raw socket server that counts every request (including any
/// the HTTP stack re-sends): safe operations recover by retrying, unsafe ones reach the server at most once, and every
/// failure is typed. The first request of the call meets the fault; every later one is answered.
/// </summary>
[TestFixture]
public sealed class FaultInjectionTests
{
    private const string Answer = "{\"success\":true,\"id\":1847312964,\"dependencies\":{}}";

    private static readonly RawAction[] Faults =
        [RawAction.ServiceUnavailable, RawAction.TooManyRequests, RawAction.BadGatewayHtml, RawAction.Close, RawAction.ResetMidBody, RawAction.Stall];

    private static readonly (string Name, bool Safe, Func<EdgeImpulseClient, Task> Call)[] Operations =
    [
        ("getKeras", true, c => c.Learn.GetKerasAsync(52187, 4)),
        ("getJobStatus", true, c => c.Jobs.GetJobStatusAsync(52187, 5)),
        ("runDspSampleSliceReadOnly", true, c => c.Dsp.RunDspSampleSliceReadOnlyAsync(52187, 3, 7, 0)),
        ("trainKerasJob", false, c => c.Jobs.TrainKerasJobAsync(52187, 4, new SetKerasParameterRequest())),
        ("generateFeaturesJob", false, c => c.Jobs.GenerateFeaturesJobAsync(52187, new GenerateFeaturesRequest { DspId = 3 })),
        ("cancelJob", false, c => c.Jobs.CancelJobAsync(52187, 5)),
        ("clearDspBlock", false, c => c.Dsp.ClearDspBlockAsync(52187, 3)),
        ("setKeras", false, c => c.Learn.SetKerasAsync(52187, 4, new SetKerasParameterRequest())),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        from fault in Faults
        from operation in Operations
        select new TestCaseData(fault, operation.Name).SetArgDisplayNames(fault.ToString(), operation.Name);

    [TestCaseSource(nameof(Cases))]
    public async Task Fault_SafeRecovers_UnsafeNeverDuplicates_FailuresTyped(RawAction fault, string operationName)
    {
        var operation = Operations.Single(o => o.Name == operationName);
        var seen = 0;
        await using var server = new RawHttpServer(_ => System.Threading.Interlocked.Increment(ref seen) == 1 ? fault : RawAction.Answer, Answer);
        using var client = new EdgeImpulseClient(new EdgeImpulseClientOptions
        {
            BaseUrl = server.BaseUrl,
            ApiKey = LoopbackServer.ApiKey,
            Timeout = TimeSpan.FromMilliseconds(500),
            Retry = new EdgeImpulseRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) },
        });

        Exception? failure = null;
        try
        {
            await operation.Call(client);
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        var requests = server.Requests.Count;
        if (operation.Safe)
        {
            Assert.That(failure, Is.Null, "a safe operation recovers from one transient fault");
            Assert.That(requests, Is.EqualTo(2));
        }
        else
        {
            Assert.That(requests, Is.EqualTo(1), "an unsafe operation reaches the server once");
            Assert.That(failure, Is.InstanceOf<EdgeImpulseApiException>());
            var api = (EdgeImpulseApiException)failure!;
            Assert.That(api.MayHaveTakenEffect, Is.EqualTo(api.Status == 0), "a lost answer says the call may have taken effect");
            Assert.That(api.ToString(), Does.Not.Contain(LoopbackServer.ApiKey));
        }
    }
}
