namespace Insights.Sentiment.Lexicon.Data;

/// <summary>
/// Multi-word expressions, written for this project, matched longest first before their words are scored one by
/// one. A phrase replaces its words: "not bad" is mildly positive, "no cap" emphasises instead of negating, and
/// "not sure" (valence 0) keeps "not" from flipping anything. Underscores stand for spaces.
/// </summary>
internal static class Phrases
{
    public const string Data = """
        # negation idioms
        2.0: no_problem no_problems no_worries not_bad_at_all
        1.6: not_bad not_half_bad can't_complain
        1.2: not_too_bad not_so_bad no_doubt without_a_doubt
        0.8: not_that_bad not_the_worst
        0: not_sure not_only not_just no_way no_wonder no_matter no_one_else never_mind at_least
        0: can't_even can't_believe can't_tell cannot_believe not_gonna not_yet pretty_much
        0: no_longer no_more nothing_else
        3.2: can't_wait cannot_wait can_not_wait couldn't_be_happier couldn't_be_better could_not_be_happier
        3.2: never_disappoints never_fails_to_amaze can't_get_enough can't_stop_laughing
        2.4: never_gets_old can't_stop_listening can't_stop_watching
        -1.6: not_a_fan not_a_big_fan not_for_me
        -2.4: can't_stand cannot_stand
        # praise idioms
        3.6: ate_and_left_no_crumbs
        3.2: killed_it killing_it nailed_it crushed_it crushing_it smashed_it chef's_kiss understood_the_assignment
        3.2: made_my_day makes_my_day left_no_crumbs top_notch next_level worth_every_penny
        3.4: the_best
        2.8: no_crumbs hits_different hit_different goes_hard went_hard well_done on_repeat to_die_for
        2.8: hell_yeah hell_yes fuck_yeah fuck_yes happy_birthday merry_christmas happy_new_year
        2.8: best_wishes biggest_fan
        2.4: looking_forward look_forward looks_forward
        0: as_well
        2.4: kill_it on_point on_fire spot_on go_hard goes_crazy good_luck green_flag green_flags huge_fan
        2.4: heck_yeah god_bless worth_it happy_holidays
        2.0: big_fan thumbs_up way_to_go high_five for_sure
        1.6: oh_yeah bless_you
        0.8: oh_my_god oh_my_gosh of_course
        0.4: im_crying i'm_crying
        1.6: i'm_screaming im_screaming i'm_weak im_weak sent_me so_true so_real
        2.0: sending_me
        1.2: can't_breathe
        2.4: no_notes take_my_money this_is_everything happy_tears never_miss never_misses this_is_art
        2.0: never_stop don't_ever_stop core_memory
        1.6: don't_stop
        2.8: hidden_gem tears_of_joy
        2.4: crying_laughing
        2.4: is_the_shit the_bomb da_bomb kick_ass kicks_ass kicked_ass bad_ass
        1.6: hell_of_a get_well get_well_soon
        0.4: killing_me
        # scorn idioms
        -3.8: the_worst
        -3.6: piece_of_shit
        -3.2: waste_of_time waste_of_money waste_of_space piece_of_crap
        -2.8: shut_the_fuck_up sick_of sick_and_tired let_me_down let_us_down
        -2.4: red_flag red_flags get_a_life tired_of fed_up let_down out_of_control kicking_my_ass kick_my_ass
        -2.8: piss_off pissing_me_off pisses_me_off pissed_me_off
        -2.0: thumbs_down oh_no what_the_fuck
        -1.6: skill_issue touch_grass rest_in_peace
        -1.2: what_the_hell why_oh_why kidding_me
        -1.6: good_grief
        -2.4: the_fuck went_to_hell go_to_hell
        -0.8: the_heck oh_well
        -2.0: is_a_joke what_a_joke 2nd_rate second_rate third_rate are_you_kidding_me you're_kidding_me
        -0.8: shut_up
        -2.0: who_asked nobody_asked no_one_asked ain't_it delete_this who_approved_this
        -2.4: fell_off falling_off
        -1.2: at_best
        # emphasis and scope
        emphasis 1.2: no_cap on_god on_my_mom fr_fr
        emphasis 1.1: for_real not_gonna_lie
        boost 0.7: kind_of sort_of a_little_bit
        boost 0.75: a_bit a_little
        postboost 1.3: as_hell at_all
        postboost 1.4: as_fuck
        concession: even_though even_if in_spite_of
        """;
}
