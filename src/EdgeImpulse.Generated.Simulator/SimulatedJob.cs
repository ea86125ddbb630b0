using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

internal enum JobKind
{
    GenerateFeatures,
    TrainKeras,
    AutotuneDsp,
    ProfileDsp,
    BuildDeployment,
    CreateVersion,
}

/// <summary>One line of a job's stdout, as getJobsLogs returns it.</summary>
internal sealed record LogLine(DateTimeOffset Created, string Level, string Data);

/// <summary>
/// A job whose whole life is planned when it is created (start, finish, outcome, every log line with its time) and
/// read off the clock: nothing runs in the background, so status and logs are exact for any moment, on any clock.
/// </summary>
internal sealed class SimulatedJob
{
    private readonly List<LogLine> _script;

    public SimulatedJob(long id, JobKind kind, string category, string categoryKey, string key, DateTimeOffset created, DateTimeOffset started, DateTimeOffset finished, bool succeeds, IEnumerable<LogLine> script)
    {
        Id = id;
        Kind = kind;
        Category = category;
        CategoryKey = categoryKey;
        Key = key;
        Created = created;
        Started = started;
        PlannedFinish = finished;
        Succeeds = succeeds;
        _script = script.OrderBy(l => l.Created).ToList();
    }

    public long Id { get; }

    public JobKind Kind { get; }

    public string Category { get; }

    public string CategoryKey { get; }

    public string Key { get; }

    public DateTimeOffset Created { get; }

    public DateTimeOffset Started { get; }

    public DateTimeOffset PlannedFinish { get; }

    public bool Succeeds { get; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset Finished => CancelledAt ?? PlannedFinish;

    /// <summary>Gets or sets what a successful finish changes in the project (features generated, model trained); applied once.</summary>
    public Action? OnSuccess { get; set; }

    /// <summary>Gets or sets a value indicating whether the finish has been applied to the project.</summary>
    public bool Settled { get; set; }

    public bool IsFinished(DateTimeOffset now) => now >= Finished;

    public bool FinishedSuccessfully(DateTimeOffset now) => IsFinished(now) && CancelledAt is null && Succeeds;

    public IReadOnlyList<LogLine> LogsAt(DateTimeOffset now) => _script.Where(l => l.Created <= now).ToArray();

    /// <summary>Ends a running job now, unsuccessfully; a finished job is left as it is.</summary>
    public bool Cancel(DateTimeOffset now)
    {
        if (IsFinished(now))
        {
            return false;
        }

        CancelledAt = now;
        _script.RemoveAll(l => l.Created > now);
        _script.Add(new LogLine(now, "warn", "Job cancelled by user\n"));
        return true;
    }

    /// <summary>The job as getJobStatus returns it, in the recorded job's field order, with its other fields (user, notifications) as recorded.</summary>
    public JObject ToJson(JObject recordedJob, DateTimeOffset now)
    {
        var started = now >= Started && (CancelledAt is null || CancelledAt >= Started);
        var finished = IsFinished(now);
        var job = new JObject
        {
            ["id"] = Id,
            ["category"] = Category,
            ["categoryKey"] = CategoryKey,
            ["key"] = Key,
            ["created"] = Timestamp(Created),
        };
        if (started)
        {
            job["started"] = Timestamp(Started);
        }

        if (finished)
        {
            job["finished"] = Timestamp(Finished);
            job["finishedSuccessful"] = FinishedSuccessfully(now);
        }

        foreach (var property in recordedJob.Properties().Where(p => job[p.Name] is null && p.Name is not ("started" or "finished" or "finishedSuccessful" or "computeTime")))
        {
            job[property.Name] = property.Value.DeepClone();
        }

        if (finished && started)
        {
            job["computeTime"] = Math.Round((Finished - Started).TotalSeconds, 2);
        }

        return job;
    }

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
