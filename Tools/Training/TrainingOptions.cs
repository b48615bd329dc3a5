namespace Insights.Tools.Training;

using Insights.Sentiment.Learned;

/// <summary>
/// Everything that decides the trained weights besides the data; with the same data and options, training gives the
/// same model byte for byte.
/// </summary>
/// <param name="Features">The n-gram features.</param>
/// <param name="L1">L1 regularisation (zeroes weights, keeps the file small).</param>
/// <param name="L2">L2 regularisation.</param>
/// <param name="MaxIterations">L-BFGS iterations at most.</param>
/// <param name="OtherLanguageWeight">Weight of an item of the seven non-English XLM-T files relative to an English one.</param>
/// <param name="BalanceClasses">Weight items so that every class of a training file weighs the same in total.</param>
/// <param name="Seed">Seeds ML.NET and the subsampling.</param>
/// <param name="Subsample">Share of every training file used (1: all), for quick experiments.</param>
public sealed record TrainingOptions(
    FeatureOptions Features,
    float L1,
    float L2,
    int MaxIterations,
    float OtherLanguageWeight,
    bool BalanceClasses,
    int Seed,
    double Subsample);
