namespace Insights.Sentiment.Azure;

using global::Azure;
using global::Azure.Core;
using global::Azure.Core.Pipeline;
using global::Azure.Identity;
using Insights.Sentiment.Language;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// Sentiment from Azure AI Language over its REST API (<c>POST {endpoint}/language/:analyze-text</c>, kind
/// <c>SentimentAnalysis</c>) through an Azure.Core <see cref="HttpPipeline"/>: key (<c>Ocp-Apim-Subscription-Key</c>)
/// or Entra ID authentication, retries of transient failures honouring <c>Retry-After</c>, per-attempt and
/// per-request timeouts.
/// <para>
/// Texts are sent in requests of at most <see cref="AzureLanguageOptions.MaxDocumentsPerRequest"/> documents,
/// at most <see cref="AzureLanguageOptions.MaxConcurrentRequests"/> at a time; each longer than
/// <see cref="AzureLanguageOptions.MaxDocumentLength"/> is truncated, not split. Results scored remotely carry
/// <see cref="Name"/> (<c>azure-language/{api-version}</c>). Blank texts are never sent, and documents the service
/// rejects one by one (its <c>errors</c> list) are scored by the local analyzer: those results carry the local
/// analyzer's name. A request that fails after its retries throws (<see cref="RequestFailedException"/>,
/// <see cref="TimeoutException"/>, <see cref="InvalidDataException"/> for an unreadable answer): this analyzer
/// alone never falls back for a whole request; see <see cref="Remote.FallbackSentimentAnalyzer"/>.
/// </para>
/// <para>Thread-safe; one instance per silo. Callers batch through <see cref="Remote.SentimentBatcher"/>.</para>
/// </summary>
public sealed partial class AzureLanguageSentimentAnalyzer : ISentimentAnalyzer
{
    private readonly AzureLanguageOptions options;
    private readonly ISentimentAnalyzer local;
    private readonly ILogger logger;
    private readonly HttpPipeline pipeline;
    private readonly Uri requestUri;
    private readonly SemaphoreSlim requestSlots;
    private readonly LanguageIdentifier? languageIdentifier;
    private long requests;
    private long failedRequests;
    private long retries;
    private long documents;
    private long documentErrors;
    private long truncatedDocuments;
    private long blankTexts;

    /// <param name="options">Validated here; copied, so later changes are not seen.</param>
    /// <param name="localAnalyzer">Scores blank texts and documents the service rejects.</param>
    /// <param name="logger">Optional.</param>
    /// <param name="credential">Entra ID credential used when <see cref="AzureLanguageOptions.Key"/> is empty; <c>DefaultAzureCredential</c> when null.</param>
    /// <param name="transport">The HTTP transport (tests); Azure.Core's default when null.</param>
    /// <param name="languageIdentifier">
    /// When given, each document is sent with its identified language as the service's <c>language</c> hint
    /// (<see cref="AzureLanguageOptions.Language"/> for undetermined and other ones) and every result carries it.
    /// </param>
    public AzureLanguageSentimentAnalyzer(
        AzureLanguageOptions options,
        ISentimentAnalyzer localAnalyzer,
        ILogger? logger = null,
        TokenCredential? credential = null,
        HttpPipelineTransport? transport = null,
        LanguageIdentifier? languageIdentifier = null)
    {
        this.languageIdentifier = languageIdentifier;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(localAnalyzer);
        this.options = options.Clone();
        this.options.Validate();
        local = localAnalyzer;
        this.logger = logger ?? NullLogger.Instance;
        Name = this.options.AnalyzerName;
        requestSlots = new SemaphoreSlim(this.options.MaxConcurrentRequests);
        var endpoint = this.options.Endpoint!.AbsoluteUri.TrimEnd('/');
        requestUri = new Uri($"{endpoint}/language/:analyze-text?api-version={Uri.EscapeDataString(this.options.ApiVersion)}");
        pipeline = BuildPipeline(this.options, credential, transport, () =>
        {
            Interlocked.Increment(ref retries);
            SentimentMetrics.AzureRetries.Add(1);
        });
    }

    /// <summary><c>azure-language/{api-version}</c>, recorded with every remotely scored result.</summary>
    public string Name { get; }

    /// <summary>The options in use (a copy).</summary>
    public AzureLanguageOptions Options => options.Clone();

    public AzureLanguageStatistics Statistics => new(
        Interlocked.Read(ref requests),
        Interlocked.Read(ref failedRequests),
        Interlocked.Read(ref retries),
        Interlocked.Read(ref documents),
        Interlocked.Read(ref documentErrors),
        Interlocked.Read(ref truncatedDocuments),
        Interlocked.Read(ref blankTexts));

    public async ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new SentimentResult[texts.Count];
        var languages = Identify(texts);
        var scoreLocally = new List<int>();
        var remote = new List<int>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            (string.IsNullOrWhiteSpace(texts[i]) ? scoreLocally : remote).Add(i);
        }

        Interlocked.Add(ref blankTexts, scoreLocally.Count);
        SentimentMetrics.AzureBlankTexts.Add(scoreLocally.Count);
        if (remote.Count > 0)
        {
            var chunks = remote.Chunk(options.MaxDocumentsPerRequest).ToArray();
            var rejected = chunks.Length == 1
                ? [await ScoreRemotelyAsync(texts, languages, chunks[0], results, cancellationToken).ConfigureAwait(false)]
                : await Task.WhenAll(chunks.Select(chunk => ScoreRemotelyAsync(texts, languages, chunk, results, cancellationToken))).ConfigureAwait(false);
            foreach (var indices in rejected)
            {
                scoreLocally.AddRange(indices);
            }
        }

        if (scoreLocally.Count > 0)
        {
            var localTexts = scoreLocally.Select(i => texts[i]).ToArray();
            var localResults = await local.AnalyzeAsync(localTexts, cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < scoreLocally.Count; j++)
            {
                results[scoreLocally[j]] = localResults[j];
            }
        }

        if (languages is not null)
        {
            for (var i = 0; i < results.Length; i++)
            {
                if (results[i].Language != languages[i])
                {
                    results[i] = results[i] with { Language = languages[i] };
                }
            }
        }

        return results;
    }

    /// <summary>Each text's language when identification is on; null when off.</summary>
    private string[]? Identify(IReadOnlyList<string> texts)
    {
        if (languageIdentifier is null)
        {
            return null;
        }

        var languages = new string[texts.Count];
        for (var i = 0; i < languages.Length; i++)
        {
            languages[i] = languageIdentifier.Identify(texts[i]).Language;
        }

        return languages;
    }

    /// <summary>The <c>language</c> a document is sent with: its own when identified, else the configured one.</summary>
    private string Hint(string[]? languages, int index) =>
        languages is null || languages[index] is LanguageCodes.Other or LanguageCodes.Undetermined ? options.Language : languages[index];

    /// <summary>Sends one request; fills the results it got and returns the indices the service rejected.</summary>
    private async Task<IReadOnlyList<int>> ScoreRemotelyAsync(IReadOnlyList<string> texts, string[]? languages, int[] indices, SentimentResult[] results, CancellationToken cancellationToken)
    {
        var batch = new string[indices.Length];
        var hints = new string[indices.Length];
        for (var j = 0; j < indices.Length; j++)
        {
            hints[j] = Hint(languages, indices[j]);
            batch[j] = DocumentText.Prepare(texts[indices[j]], options.MaxDocumentLength, out var truncated);
            if (truncated)
            {
                Interlocked.Increment(ref truncatedDocuments);
                SentimentMetrics.AzureTruncatedDocuments.Add(1);
            }
        }

        await requestSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        AnalyzeTextProtocol.Outcome[] outcomes;
        try
        {
            outcomes = await SendAsync(batch, hints, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            requestSlots.Release();
        }

        List<int>? rejected = null;
        for (var j = 0; j < outcomes.Length; j++)
        {
            if (outcomes[j].Result is { } result)
            {
                results[indices[j]] = result;
            }
            else
            {
                (rejected ??= []).Add(indices[j]);
                LogDocumentError(outcomes[j].ErrorCode, outcomes[j].ErrorMessage);
            }
        }

        if (rejected is not null)
        {
            Interlocked.Add(ref documentErrors, rejected.Count);
            SentimentMetrics.AzureDocumentErrors.Add(rejected.Count);
        }

        return rejected ?? (IReadOnlyList<int>)[];
    }

    private async Task<AnalyzeTextProtocol.Outcome[]> SendAsync(string[] batch, string[] languages, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        SentimentMetrics.AzureRequests.Add(1);
        Interlocked.Add(ref documents, batch.Length);
        SentimentMetrics.AzureDocuments.Add(batch.Length);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(requestUri);
        request.Headers.SetValue("Content-Type", "application/json");
        request.Headers.SetValue("Accept", "application/json");
        request.Content = RequestContent.Create(AnalyzeTextProtocol.WriteRequest(batch, languages, options.ModelVersion));
        try
        {
            await pipeline.SendAsync(message, deadline.Token).ConfigureAwait(false);
            var response = message.Response;
            if (response.Status != 200)
            {
                throw new RequestFailedException(response);
            }

            return AnalyzeTextProtocol.ReadResponse(response.Content, batch.Length, Name);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception ex)
        {
            Interlocked.Increment(ref failedRequests);
            SentimentMetrics.AzureFailedRequests.Add(1);
            var failure = Describe(ex, deadline.IsCancellationRequested);
            LogRequestFailed(batch.Length, failure.Message, ex);
            if (ReferenceEquals(failure, ex))
            {
                throw;
            }

            throw failure;
        }
    }

    /// <summary>
    /// One exception per failed request: <see cref="TimeoutException"/> when the request's time ran out, a
    /// <see cref="RequestFailedException"/> for the retries Azure.Core aggregates (status and code of the last
    /// attempt), otherwise the exception itself.
    /// </summary>
    private Exception Describe(Exception ex, bool timedOut)
    {
        if (timedOut)
        {
            return new TimeoutException($"Azure AI Language did not answer within {options.Timeout} (attempts of at most {options.NetworkTimeout}, {options.MaxRetries} retries).", ex);
        }

        if (ex is AggregateException aggregate)
        {
            var attempts = aggregate.InnerExceptions;
            var last = attempts[^1];
            var status = last is RequestFailedException failed ? failed.Status : 0;
            var code = (last as RequestFailedException)?.ErrorCode;
            return new RequestFailedException(status, $"Azure AI Language request failed after {attempts.Count} attempts: {last.Message}", code, aggregate);
        }

        return ex;
    }

    // Azure.Core's pipeline, not an IHttpClientFactory client with Polly: it is what Azure SDK clients are built on,
    // and it brings Entra ID token acquisition and refresh (BearerTokenAuthenticationPolicy), the retry policy the
    // service's throttling is designed for (Retry-After, retry-after-ms, x-ms-retry-after-ms; 408/429/5xx) and
    // per-attempt network timeouts. It is the only retry on this path: the breaker and fallback above it
    // (FallbackSentimentAnalyzer) see one outcome per request, after these retries, and never retry themselves.
    private static HttpPipeline BuildPipeline(AzureLanguageOptions options, TokenCredential? credential, HttpPipelineTransport? transport, Action onRetry)
    {
        var clientOptions = new LanguageClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        clientOptions.RetryPolicy = new BoundedRetryPolicy(
            options.MaxRetries,
            DelayStrategy.CreateExponentialDelayStrategy(options.RetryDelay, options.MaxRetryDelay),
            options.MaxRetryDelay,
            onRetry);
        clientOptions.Diagnostics.ApplicationId = "insights";
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        HttpPipelinePolicy authentication = string.IsNullOrEmpty(options.Key)
            ? new BearerTokenAuthenticationPolicy(credential ?? new DefaultAzureCredential(), AzureLanguageOptions.TokenScope)
            : new SubscriptionKeyPolicy(new AzureKeyCredential(options.Key));
        return HttpPipelineBuilder.Build(clientOptions, [], [authentication], new ResponseClassifier());
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Azure AI Language rejected a document ({Code}: {Reason}); scored locally")]
    private partial void LogDocumentError(string? code, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Azure AI Language request of {Documents} documents failed ({Failure})")]
    private partial void LogRequestFailed(int documents, string failure, Exception? ex);
}
