package org.tanuu.facts;

import java.util.List;

/** Every fact a rule may match or insert: the whole of what a rule book can see and say (see rulebook.RuleSandbox). */
public final class FactTypes {
    public static final List<Class<?>> ALL = List.of(Answer.class, Child.class, Combination.class, CountedAge.class,
            Decision.class, Element.class, ElementQuestions.class, ElementStatus.class, EventsDate.class, Evidence.class,
            Finding.class, Flag.class, Indicator.class, Missing.class, NotRequired.class, Offence.class,
            OffenceElement.class, OffenceStatus.class, Parameter.class, Required.class, Stated.class,
            Tally.class, SmugglingPattern.class, OffenceCausedByTrafficking.class, OffenceByChildInSexualExploitation.class, OffenceByChildUsedInCrime.class,
            HazardousWorkByChild.class, WorkBelowMinimumAge.class, ChildProtectionGround.class, ChildSold.class, EditionInForce.class,
            InterviewDate.class, PresumptionCombination.class, AgeAtEventsRange.class, ChildNow.class,
            WorstFormOfChildLabour.class, UnsourcedRequirement.class, Dimension.class, DimensionEvidence.class,
            DimensionMet.class);

    private FactTypes() {
    }
}
