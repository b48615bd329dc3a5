namespace Insights.Sentiment.Scoring;

/// <summary>
/// The running state of the rules while the tokens of one text are read left to right: pending negation and
/// boosting, the weights of contrast and concession, and the sum of the current sentence, which gets its
/// punctuation and emphasis when it ends.
/// </summary>
internal struct SentenceAccumulator
{
    private double total;
    private double sentence;
    private double contrastWeight;
    private double clauseWeight;
    private double conditionalWeight;
    private bool concessionEndsAtComma;
    private double emphasis;
    private int negationLeft;
    private double boost;
    private int boostLeft;
    private int lastScoredToken;
    private double lastContribution;

    public SentenceAccumulator()
    {
        contrastWeight = 1;
        lastScoredToken = -2;
        ResetSentence();
    }

    /// <summary>Words read since the sentence began (concession at the start of a sentence behaves differently).</summary>
    public int WordsInSentence { get; private set; }

    public void Negate()
    {
        negationLeft = ScoringRules.NegationReach + 1;
        WordsInSentence++;
    }

    public void Boost(double factor)
    {
        boost = Math.Clamp(boost * factor, ScoringRules.MinBoost, ScoringRules.MaxBoost);
        boostLeft = ScoringRules.BoosterReach + 1;
        WordsInSentence++;
    }

    /// <summary>"cute af", "not good at all": scales the sentiment word right before.</summary>
    public void PostBoost(double factor, int token)
    {
        if (lastScoredToken == token - 1)
        {
            sentence += lastContribution * (factor - 1);
            lastContribution *= factor;
        }

        WordsInSentence++;
    }

    public void Emphasize(double factor) => emphasis = Math.Min(emphasis * factor, ScoringRules.MaxEmphasis);

    /// <summary>A word without sentiment: pending negation and boosting come one word closer to expiring.</summary>
    public void PlainWord()
    {
        if (negationLeft > 0)
        {
            negationLeft--;
        }

        if (boostLeft > 0 && --boostLeft == 0)
        {
            boost = 1;
        }

        WordsInSentence++;
    }

    /// <summary>A sentiment word: boosted and negated if a booster or negator is pending.</summary>
    public void AddWord(double valence, int lastToken)
    {
        if (boostLeft > 0)
        {
            valence *= boost;
        }

        if (negationLeft > 0)
        {
            valence *= valence > 0 ? ScoringRules.NegatedPositive : ScoringRules.NegatedNegative;
        }

        ResetScope();
        Add(valence, lastToken);
        WordsInSentence++;
    }

    /// <summary>Laughter, emoji, emoticons, ratings: never negated nor boosted, and leave pending scope alone.</summary>
    public void AddUnmodified(double valence, int lastToken) => Add(valence, lastToken);

    public void Contrast()
    {
        total *= ScoringRules.ContrastBefore;
        sentence *= ScoringRules.ContrastBefore;
        contrastWeight = ScoringRules.ContrastAfter;
        clauseWeight = 1;
        concessionEndsAtComma = false;
        ResetScope();
        WordsInSentence++;
    }

    /// <summary>
    /// "Although it was long, I loved it": the leading clause counts less up to the comma, the rest more.
    /// "I loved it, although it was long": the rest of the sentence counts less. "good though." changes nothing.
    /// </summary>
    public void Concede(bool endsClause)
    {
        if (!endsClause)
        {
            concessionEndsAtComma = WordsInSentence == 0;
            clauseWeight = ScoringRules.ConcededClause;
        }

        ResetScope();
        WordsInSentence++;
    }

    /// <summary>"if anyone is interested": the rest of the clause is hypothetical.</summary>
    public void Suppose()
    {
        conditionalWeight = ScoringRules.ConditionalClause;
        ResetScope();
        WordsInSentence++;
    }

    public void BreakClause()
    {
        conditionalWeight = 1;
        ResetScope();
        if (concessionEndsAtComma)
        {
            concessionEndsAtComma = false;
            clauseWeight = ScoringRules.MainClauseAfterConcession;
        }
    }

    public void EndSentence(int exclamations, int questions)
    {
        var value = sentence * emphasis;
        if (exclamations > 0)
        {
            value *= 1 + (ScoringRules.ExclamationStep * Math.Min(exclamations, ScoringRules.MaxExclamations));
        }
        else if (questions > 0)
        {
            value *= ScoringRules.QuestionDampening;
        }

        total += value;
        ResetSentence();
    }

    public double Finish()
    {
        EndSentence(0, 0);
        return total;
    }

    private void Add(double valence, int lastToken)
    {
        var contribution = valence * contrastWeight * clauseWeight * conditionalWeight;
        sentence += contribution;
        lastContribution = contribution;
        lastScoredToken = lastToken;
    }

    private void ResetScope()
    {
        negationLeft = 0;
        boostLeft = 0;
        boost = 1;
    }

    private void ResetSentence()
    {
        sentence = 0;
        emphasis = 1;
        clauseWeight = 1;
        conditionalWeight = 1;
        concessionEndsAtComma = false;
        WordsInSentence = 0;
        ResetScope();
    }
}
