package org.factorysharing.web.audit;

import org.axonframework.queryhandling.QueryGateway;
import org.factorysharing.api.audit.AuditQueries.ChainVerificationView;
import org.factorysharing.api.audit.AuditQueries.VerifyChain;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Tamper evidence for auditors: recompute the hash chain (the whole of it, or a range of links) and show whether it
 * is intact, where it first breaks, and the head hash with its link number, to be copied into a report: noted down
 * outside the database, they prove later that the history up to that link was not rewritten.
 */
@Controller
@RequestMapping("/audit/chain")
class ChainController {

    private final QueryGateway queries;

    ChainController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The chain's links to verify; verification runs when the form is sent ({@code verify}). */
    public static class ChainForm {

        private Long fromLink;
        private Long toLink;
        private String verify;

        public Long getFromLink() {
            return fromLink;
        }

        public void setFromLink(Long fromLink) {
            this.fromLink = fromLink;
        }

        public Long getToLink() {
            return toLink;
        }

        public void setToLink(Long toLink) {
            this.toLink = toLink;
        }

        public String getVerify() {
            return verify;
        }

        public void setVerify(String verify) {
            this.verify = verify;
        }
    }

    @GetMapping
    ModelAndView chain(@ModelAttribute("chain") ChainForm form, BindingResult binding) {
        ModelAndView page = new ModelAndView("audit/chain");
        if (form.getVerify() == null) {
            return page;
        }
        long from = form.getFromLink() == null ? 1 : form.getFromLink();
        if (!binding.hasFieldErrors("fromLink") && from < 1) {
            binding.rejectValue("fromLink", "audit.chain.from.invalid");
        }
        if (!binding.hasFieldErrors("toLink") && form.getToLink() != null && form.getToLink() < from) {
            binding.rejectValue("toLink", "audit.chain.to.invalid");
        }
        if (binding.hasErrors()) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        ChainVerificationView result = queries.query(
                        new VerifyChain(from, form.getToLink()), ChainVerificationView.class)
                .join();
        page.addObject("result", result);
        // the last intact link: the one the head hash belongs to (0: none yet, the chain's genesis)
        page.addObject("headLink", result.fromLink() + result.verified() - 1);
        return page;
    }
}
