package com.acme.safety;

import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.testkit.AssessmentMethodContract;

/** The testkit's method contract, run against ACME's 6×6 method. */
class AcmeMatrix6MethodTest extends AssessmentMethodContract {
    @Override
    protected AssessmentMethod method() {
        return new AcmeMatrix6Method();
    }
}
