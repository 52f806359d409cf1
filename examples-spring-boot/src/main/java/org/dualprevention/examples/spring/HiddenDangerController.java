package org.dualprevention.examples.spring;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.IllegalTransitionException;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.PageRequest;
import org.dualprevention.risk.RiskPointId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The closed loop over HTTP. Who acts comes from two headers, {@code X-Actor} and {@code X-Unit}, standing in for
 * the application's own security (Spring Security would supply them in a real system). Each call is one Spring
 * transaction, which the library's writes join. Refusals are RFC 9457 problem details whose {@code detail} is the
 * library's message: 409 for a state that does not allow the action or a concurrent change, 403 for access, 400 for
 * invalid data, 404 for an unknown id.
 *
 * <p>Compile with {@code -parameters} or name path variables, as here.
 *
 * @since 0.2
 */
@RestController
@RequestMapping("/api/hidden-dangers")
public class HiddenDangerController {
    private final DualPrevention dp;

    /**
     * The controller on the application's engine.
     *
     * @param dp the engine
     */
    public HiddenDangerController(DualPrevention dp) {
        this.dp = dp;
    }

    /** A report: what was found, where, when. */
    public record ReportBody(String id, String title, String description, String riskPoint, LocalDate foundOn) {
    }

    /** A verification: general or major, with a note. */
    public record VerifyBody(boolean major, String note) {
    }

    /** A plan: who rectifies, what, with which funds (CNY), by when, and what protects meanwhile. */
    public record PlanBody(String responsible, String measures, BigDecimal funds, LocalDate deadline,
            String contingency) {
    }

    /** A submission: what was done, evidence addresses, when it was completed. */
    public record SubmitBody(String description, List<URI> evidence, LocalDate completedOn) {
    }

    /** An acceptance note. */
    public record NoteBody(String note) {
    }

    private HiddenDangerView view(HiddenDanger d) {
        return HiddenDangerView.of(d, dp.today());
    }

    private static Actor actor(String actor, String unit) {
        return Actor.of(ActorId.of(actor), OrgUnitId.of(unit));
    }

    /**
     * Reports a hidden danger.
     *
     * @param actor who reports
     * @param unit the reporter's unit
     * @param body the report
     * @return the stored hidden danger, 201
     */
    @PostMapping
    @Transactional
    public ResponseEntity<HiddenDangerView> report(@RequestHeader("X-Actor") String actor,
            @RequestHeader("X-Unit") String unit, @RequestBody ReportBody body) {
        HiddenDangerCommand.Report r = HiddenDangerCommand.Report.of(actor(actor, unit), HiddenDangerId.of(body.id()),
                body.title(), body.description() == null ? "" : body.description(), HiddenDangerSource.RANDOM_OBSERVATION,
                OrgUnitId.of(unit), body.foundOn() == null ? dp.today() : body.foundOn());
        if (body.riskPoint() != null) {
            r = r.withRiskPoint(RiskPointId.of(body.riskPoint()));
        }
        HiddenDanger d = dp.hiddenDangers().report(r);
        return ResponseEntity.created(URI.create("/api/hidden-dangers/" + d.id().value())).body(view(d));
    }

    /**
     * Verifies and grades.
     *
     * @param id the hidden danger
     * @param actor who verifies
     * @param unit the actor's unit
     * @param body general or major
     * @return the next version
     */
    @PostMapping("/{id}/verify")
    @Transactional
    public HiddenDangerView verify(@PathVariable("id") String id, @RequestHeader("X-Actor") String actor,
            @RequestHeader("X-Unit") String unit, @RequestBody VerifyBody body) {
        Actor a = actor(actor, unit);
        return view(dp.hiddenDangers().apply(stored(id), body.major()
                ? HiddenDangerCommand.Verify.major(a, body.note(), new org.dualprevention.danger.AuthorityReport(
                        body.note(), "见核查记录", "按治理方案整改"))
                : HiddenDangerCommand.Verify.general(a, body.note())));
    }

    /**
     * Plans the rectification.
     *
     * @param id the hidden danger
     * @param actor who plans
     * @param unit the actor's unit
     * @param body the plan
     * @return the next version
     */
    @PostMapping("/{id}/plan")
    @Transactional
    public HiddenDangerView plan(@PathVariable("id") String id, @RequestHeader("X-Actor") String actor,
            @RequestHeader("X-Unit") String unit, @RequestBody PlanBody body) {
        return view(dp.hiddenDangers().apply(stored(id), new HiddenDangerCommand.Plan(actor(actor, unit),
                RectificationPlan.of(ActorId.of(body.responsible()), body.measures(),
                        Funds.cny(body.funds().toPlainString()), body.deadline(), body.contingency()))));
    }

    /**
     * Starts the rectification.
     *
     * @param id the hidden danger
     * @param actor who starts
     * @param unit the actor's unit
     * @return the next version
     */
    @PostMapping("/{id}/start")
    @Transactional
    public HiddenDangerView start(@PathVariable("id") String id, @RequestHeader("X-Actor") String actor,
            @RequestHeader("X-Unit") String unit) {
        return view(dp.hiddenDangers().apply(stored(id), HiddenDangerCommand.Start.by(actor(actor, unit))));
    }

    /**
     * Submits the rectification for acceptance.
     *
     * @param id the hidden danger
     * @param actor who submits
     * @param unit the actor's unit
     * @param body what was done
     * @return the next version
     */
    @PostMapping("/{id}/submit")
    @Transactional
    public HiddenDangerView submit(@PathVariable("id") String id, @RequestHeader("X-Actor") String actor,
            @RequestHeader("X-Unit") String unit, @RequestBody SubmitBody body) {
        return view(dp.hiddenDangers().apply(stored(id), new HiddenDangerCommand.Submit(actor(actor, unit),
                body.description(), body.evidence(), body.completedOn())));
    }

    /**
     * Accepts the rectification (someone other than the rectifier).
     *
     * @param id the hidden danger
     * @param actor who accepts
     * @param unit the actor's unit
     * @param body the acceptance note
     * @return the closed hidden danger
     */
    @PostMapping("/{id}/accept")
    @Transactional
    public HiddenDangerView accept(@PathVariable("id") String id, @RequestHeader("X-Actor") String actor,
            @RequestHeader("X-Unit") String unit, @RequestBody NoteBody body) {
        return view(dp.hiddenDangers().apply(stored(id), new HiddenDangerCommand.Accept(actor(actor, unit),
                body.note())));
    }

    /**
     * One hidden danger.
     *
     * @param id the id
     * @return it, or 404
     */
    @GetMapping("/{id}")
    public ResponseEntity<HiddenDangerView> find(@PathVariable("id") String id) {
        return ResponseEntity.of(dp.hiddenDangers().find(HiddenDangerId.of(id)).map(this::view));
    }

    /**
     * The open hidden dangers, first 100.
     *
     * @return them
     */
    @GetMapping
    public List<HiddenDangerView> open() {
        return dp.hiddenDangers().find(HiddenDangerQuery.all().open(), PageRequest.first(100)).items().stream()
                .map(this::view).toList();
    }

    /**
     * A refusal of the closed loop as a problem detail.
     *
     * @param e the refusal
     * @return the problem
     */
    @ExceptionHandler({IllegalTransitionException.class, StaleVersionException.class})
    public ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /**
     * An access refusal.
     *
     * @param e the refusal
     * @return the problem
     */
    @ExceptionHandler(AccessDeniedException.class)
    public ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /**
     * Invalid data.
     *
     * @param e the violations
     * @return the problem
     */
    @ExceptionHandler(ValidationException.class)
    public ProblemDetail invalid(ValidationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** The id of a stored hidden danger; 404 otherwise. */
    private HiddenDangerId stored(String id) {
        HiddenDangerId hd = HiddenDangerId.of(id);
        if (dp.hiddenDangers().find(hd).isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "隐患 [" + id + "] 不存在"), null);
        }
        return hd;
    }
}
