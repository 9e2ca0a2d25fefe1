package studybuddy.learner;

/** Where a unit stands on one learner's route. */
public enum UnitStatus { KNOWN, DONE, SKIPPED, OPEN }
