using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Open311.Domain.Submission;

namespace Open311.Tests.GeoReport;

/// <summary>
/// Stands in for the request submitter so the POST tests check only the HTTP layer: how fields, keys and
/// attributes reach the submitter and how its results and errors come back on the wire. Validation and
/// storage are tested with the real submitter where it is built.
/// </summary>
public sealed class ScriptedSubmitter : IServiceRequestSubmitter
{
    public Func<NewServiceRequest, SubmissionResult> Respond { get; set; } = _ => new SubmissionResult(null, [new SubmissionError("service_code", "No response scripted.")]);

    public List<(NewServiceRequest Input, SubmissionContext Context)> Calls { get; } = [];

    public Task<SubmissionResult> ValidateAsync(NewServiceRequest input, CancellationToken cancellationToken = default) =>
        Task.FromResult(Respond(input));

    public Task<SubmissionResult> SubmitAsync(NewServiceRequest input, SubmissionContext context, CancellationToken cancellationToken = default)
    {
        Calls.Add((input, context));
        return Task.FromResult(Respond(input));
    }

    public Task<IReadOnlyList<SubmissionResult>> SubmitAllAsync(IReadOnlyList<NewServiceRequest> inputs, SubmissionContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SubmissionResult>>(inputs.Select(Respond).ToList());
}

/// <summary>The API test host with <see cref="ScriptedSubmitter"/> in place of the real submitter.</summary>
public sealed class PostApiAppFactory : ApiAppFactory
{
    public ScriptedSubmitter Submitter { get; } = new();

    /// <summary>Every message the host logged, formatted, so tests can check that no secret was written.</summary>
    public LogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IServiceRequestSubmitter>();
            services.AddSingleton<IServiceRequestSubmitter>(Submitter);
        });
    }
}

/// <summary>A logger provider that keeps every formatted message and exception text in memory.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(_messages);

    public void Dispose()
    {
    }

    private sealed class CollectingLogger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception) + " " + exception);
    }
}
