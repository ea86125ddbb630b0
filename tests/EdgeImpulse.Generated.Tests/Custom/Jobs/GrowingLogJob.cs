using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>
/// A training job on the loopback server (<see cref="LoopbackServer.Responder"/>) whose log grows while it is polled,
/// served the way getJobsLogs serves it: the last <c>limit</c> lines (at most 1000) plus totalCount, no cursor.
/// </summary>
internal sealed class GrowingLogJob
{
    public const int ProjectId = 52187;
    public const long JobId = 1847312964;

    private static readonly DateTimeOffset FirstLineAt = new(2026, 1, 14, 9, 40, 2, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<(int Number, DateTimeOffset Created)> _log = [];
    private int _written;
    private int _statusPolls;
    private int _logReads;

    /// <summary>Gets how many lines are written when status poll n (1-based) arrives.</summary>
    public Func<int, int> WrittenOnStatusPoll { get; init; } = _ => 0;

    /// <summary>Gets how many lines are written when log read n (1-based) arrives, before it is answered.</summary>
    public Func<int, int> WrittenOnLogRead { get; init; } = _ => 0;

    /// <summary>Gets an extra change to the log at status poll n, after the writes (e.g. truncation).</summary>
    public Action<int, GrowingLogJob>? OnStatusPoll { get; init; }

    /// <summary>Gets the totalCount reported for a log of n lines (a server may count differently, e.g. cap it).</summary>
    public Func<int, int> ReportedTotal { get; init; } = n => n;

    /// <summary>Gets the status poll from which the job reports itself finished (successfully).</summary>
    public int FinishedFromStatusPoll { get; init; } = 3;

    /// <summary>Gets a value indicating whether windows are sent newest line first, as the Studio does.</summary>
    public bool NewestFirst { get; init; } = true;

    /// <summary>Gets every line number ever written, in order.</summary>
    public IReadOnlyList<int> Written
    {
        get
        {
            lock (_gate)
            {
                return Enumerable.Range(1, _written).ToList();
            }
        }
    }

    public static string Text(int number) => $"line {number}\n";

    public void Attach(LoopbackServer server) => server.Responder = Respond;

    /// <summary>Removes the oldest lines, as a server that truncates a log would; totalCount goes down.</summary>
    public void DropOldest(int count) => _log.RemoveRange(0, Math.Min(count, _log.Count));

    private void Write(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _written++;
            _log.Add((_written, FirstLineAt.AddMilliseconds(_written * 7)));
        }
    }

    private CannedResponse? Respond(RecordedRequest request)
    {
        lock (_gate)
        {
            if (request.Path.EndsWith("/status", StringComparison.Ordinal))
            {
                _statusPolls++;
                Write(WrittenOnStatusPoll(_statusPolls));
                OnStatusPoll?.Invoke(_statusPolls, this);
                return CannedResponse.Fixture(_statusPolls >= FinishedFromStatusPoll ? "Jobs/getJobStatus.success.json" : "Jobs/getJobStatus.running.json");
            }

            if (request.Path.EndsWith("/stdout", StringComparison.Ordinal))
            {
                _logReads++;
                Write(WrittenOnLogRead(_logReads));
                var limit = LimitOf(request.Query);
                var window = _log.Skip(Math.Max(0, _log.Count - limit)).ToList();
                if (NewestFirst)
                {
                    window.Reverse();
                }

                var body = new JObject
                {
                    ["success"] = true,
                    ["stdout"] = new JArray(window.Select(l => new JObject
                    {
                        ["created"] = l.Created.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                        ["data"] = Text(l.Number),
                        ["logLevel"] = "info",
                    })),
                    ["totalCount"] = ReportedTotal(_log.Count),
                };
                return CannedResponse.Json(body.ToString());
            }

            return null;
        }
    }

    // The Studio returns at most 1000 lines whatever the limit; without one it returns up to 1000.
    private static int LimitOf(string query)
    {
        var limit = query.Split('&')
            .Select(p => p.Split('=', 2))
            .Where(p => p[0] == "limit")
            .Select(p => int.Parse(p[1], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(JobWaitOptions.MaxLogLinesPerRequest)
            .First();
        return Math.Min(limit, JobWaitOptions.MaxLogLinesPerRequest);
    }
}
