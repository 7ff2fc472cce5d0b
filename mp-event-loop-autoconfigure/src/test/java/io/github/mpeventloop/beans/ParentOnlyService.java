package io.github.mpeventloop.beans;

import org.springframework.stereotype.Service;

import io.github.mpeventloop.spring.worker.ConditionalOnNotWorker;

/** A bean kept out of the workers' context. */
@Service
@ConditionalOnNotWorker
public class ParentOnlyService {

    public int twice(int value) {
        return 2 * value;
    }
}
